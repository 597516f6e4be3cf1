package org.tutti.client.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Holds back CHANNEL_GAIN messages as Jamulus does (protocol doc §5.3): at most one batch per max(50 ms, 2 × ping);
 * within a batch only the latest gain per channel is sent. Control thread only.
 */
final class GainPacer {
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Map<Integer, Integer> pending = new LinkedHashMap<>();
    private long lastSentNanos = Long.MIN_VALUE / 2;

    /** Records the wanted wire gain for a channel. */
    void offer(int channelId, int wireGain) {
        pending.put(channelId, wireGain);
    }

    /** Sends the pending batch through {@code send} if the interval has passed. */
    void flush(long nowNanos, int pingMs, BiConsumer<Integer, Integer> send) {
        if (pending.isEmpty()) {
            return;
        }
        long interval = Math.max(MIN_INTERVAL_NANOS, TimeUnit.MILLISECONDS.toNanos(2L * Math.max(0, pingMs)));
        if (nowNanos - lastSentNanos < interval) {
            return;
        }
        lastSentNanos = nowNanos;
        pending.forEach(send);
        pending.clear();
    }

    void clear() {
        pending.clear();
    }
}
