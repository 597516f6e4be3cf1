package org.tutti.bench.load;

import java.util.Arrays;

/**
 * What one emulated client received during the measured window: packet count, a histogram of inter-arrival gaps
 * (10 µs bins up to 100 ms), and sequence-number bookkeeping. Written by the receiving thread only; allocation
 * free per packet.
 */
final class ReceiveStats {
    static final long BIN_NANOS = 10_000;
    static final int BINS = 10_000;

    final long[] gapHistogram = new long[BINS + 1];
    long packets;
    /** Packets that carried a sequence byte (without them, loss cannot be told from a slow server). */
    long sequenced;
    long maxGapNanos;
    /** Sequence numbers that were skipped (never seen in order). */
    long lost;
    /** Frames that arrived more than two frame periods after the previous one. */
    long late;
    /** Frames whose sequence number was behind the newest one already seen. */
    long reordered;
    private long lastArrivalNanos = -1;
    private int expectedSequence = -1;

    void reset() {
        Arrays.fill(gapHistogram, 0);
        packets = 0;
        sequenced = 0;
        maxGapNanos = 0;
        lost = 0;
        late = 0;
        reordered = 0;
        lastArrivalNanos = -1;
        expectedSequence = -1;
    }

    /** One audio packet at {@code nowNanos}; {@code sequence} is its last frame's sequence byte or -1. */
    void onPacket(long nowNanos, int sequence, long periodNanos) {
        packets++;
        if (lastArrivalNanos >= 0) {
            long gap = nowNanos - lastArrivalNanos;
            gapHistogram[(int) Math.min(BINS, gap / BIN_NANOS)]++;
            maxGapNanos = Math.max(maxGapNanos, gap);
            if (gap > 2 * periodNanos) {
                late++;
            }
        }
        lastArrivalNanos = nowNanos;
        if (sequence >= 0) {
            sequenced++;
            if (expectedSequence >= 0) {
                int d = (byte) (sequence - expectedSequence); // signed 8-bit distance
                if (d >= 0) {
                    lost += d;
                    expectedSequence = (sequence + 1) & 0xFF;
                } else {
                    reordered++;
                    lost = Math.max(0, lost - 1); // it was counted as skipped when a newer one came
                }
            } else {
                expectedSequence = (sequence + 1) & 0xFF;
            }
        }
    }

    /** Adds another client's histogram and counters into this one. */
    void add(ReceiveStats other) {
        for (int i = 0; i <= BINS; i++) {
            gapHistogram[i] += other.gapHistogram[i];
        }
        packets += other.packets;
        sequenced += other.sequenced;
        maxGapNanos = Math.max(maxGapNanos, other.maxGapNanos);
        lost += other.lost;
        late += other.late;
        reordered += other.reordered;
    }

    /** The gap at quantile {@code q} (0..1) in milliseconds, at the upper edge of its 10 µs bin; NaN if none. */
    double gapQuantileMs(double q) {
        long total = 0;
        for (long c : gapHistogram) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i <= BINS; i++) {
            seen += gapHistogram[i];
            if (seen >= rank) {
                return i == BINS ? maxGapNanos / 1e6 : (i + 1) * BIN_NANOS / 1e6;
            }
        }
        return maxGapNanos / 1e6;
    }
}
