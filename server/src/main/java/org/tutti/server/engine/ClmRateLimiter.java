package org.tutti.server.engine;

/**
 * Limits answers to connection-less messages per source address (anti-amplification: a spoofed source must not
 * turn the server into a traffic multiplier). A token bucket per address hash in a fixed table: no allocation, and
 * a hash collision only makes two sources share a budget. Owned by the engine thread.
 */
final class ClmRateLimiter {
    private static final int SLOTS = 1024;

    private final long[] keys = new long[SLOTS];
    private final double[] tokens = new double[SLOTS];
    private final long[] lastRefillNs = new long[SLOTS];
    private final double answersPerSecond;
    private final double burst;

    ClmRateLimiter(double answersPerSecond, double burst) {
        this.answersPerSecond = answersPerSecond;
        this.burst = burst;
    }

    /** True if an answer to {@code addressKey} may be sent now (and takes one token). */
    boolean tryAcquire(long addressKey, long nowNs) {
        int slot = (int) ((addressKey ^ (addressKey >>> 29) ^ (addressKey >>> 47)) & (SLOTS - 1));
        if (keys[slot] != addressKey || lastRefillNs[slot] == 0) {
            keys[slot] = addressKey;
            tokens[slot] = burst;
            lastRefillNs[slot] = nowNs;
        } else {
            double refill = (nowNs - lastRefillNs[slot]) * 1e-9 * answersPerSecond;
            tokens[slot] = Math.min(burst, tokens[slot] + refill);
            lastRefillNs[slot] = nowNs;
        }
        if (tokens[slot] >= 1) {
            tokens[slot] -= 1;
            return true;
        }
        return false;
    }
}
