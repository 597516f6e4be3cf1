package org.tutti.server.directory;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-source-IP token buckets for connection-less answers, so that a spoofed source cannot make us send much more
 * than it sent (amplification). Keyed by IP, not IP:port, because a spoofer chooses ports freely. The table is
 * bounded: full (idle) buckets are dropped when it grows, and when it is still full a new source is refused.
 * Single-threaded (the engine thread); {@link #dropped()} may be read from anywhere.
 */
public final class RateLimiter {
    private static final int MAX_SOURCES = 4096;

    private final double capacity;
    private final double tokensPerMs;
    private final Map<InetAddress, Bucket> buckets = new HashMap<>();
    private volatile long dropped;

    private static final class Bucket {
        double tokens;
        long lastMs;
    }

    /**
     * @param capacity        burst size in tokens
     * @param tokensPerSecond refill rate
     */
    public RateLimiter(double capacity, double tokensPerSecond) {
        if (capacity <= 0 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.tokensPerMs = tokensPerSecond / 1000.0;
    }

    /**
     * The directory's defaults: bursts of 20 tokens, 2 tokens/s. A list request costs 4 (its answer is two datagrams
     * of up to ~20 kB), so one source gets 5 lists at once and then one every 2 s, the pace at which a client
     * repeats its request; a spoofed victim receives at most ~20 kB/s.
     */
    public static RateLimiter forDirectory() {
        return new RateLimiter(20, 2);
    }

    /** A separate limiter with the same capacity and rate (its own buckets). */
    public RateLimiter twin() {
        return new RateLimiter(capacity, tokensPerMs * 1000.0);
    }

    /** Takes {@code cost} tokens from the bucket of {@code source}; false (and counted) when there are not enough. */
    public boolean tryAcquire(InetAddress source, double cost, long nowMs) {
        Bucket b = buckets.get(source);
        if (b == null) {
            if (buckets.size() >= MAX_SOURCES) {
                evictIdle(nowMs);
            }
            if (buckets.size() >= MAX_SOURCES) {
                dropped++;
                return false;
            }
            b = new Bucket();
            b.tokens = capacity;
            b.lastMs = nowMs;
            buckets.put(source, b);
        }
        b.tokens = Math.min(capacity, b.tokens + Math.max(0, nowMs - b.lastMs) * tokensPerMs);
        b.lastMs = nowMs;
        if (b.tokens < cost) {
            dropped++;
            return false;
        }
        b.tokens -= cost;
        return true;
    }

    /** Answers refused so far. */
    public long dropped() {
        return dropped;
    }

    /** Sources currently tracked. */
    public int trackedSources() {
        return buckets.size();
    }

    private void evictIdle(long nowMs) {
        buckets.values().removeIf(b -> b.tokens + Math.max(0, nowMs - b.lastMs) * tokensPerMs >= capacity);
    }
}
