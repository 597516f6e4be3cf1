package org.tutti.audio;

/**
 * Sliding window of arrival margins: a frame's margin is its unwrapped sequence number minus the number of
 * gets done when it arrived. A frame is on time exactly when its margin is at least the playout offset
 * (read position minus gets). The median margin is the reference "typical arrival"; it is recomputed
 * every {@link #RECOMPUTE_EVERY} samples by selection in a preallocated scratch array, so adding a sample
 * never allocates.
 */
final class ArrivalStatistics {
    static final int RECOMPUTE_EVERY = 16;

    private final long[] margins;
    private final long[] scratch;
    private int count;
    private int next;
    private int sinceRecompute;
    private long median;

    ArrivalStatistics(int window) {
        margins = new long[window];
        scratch = new long[window];
    }

    void add(long margin) {
        margins[next] = margin;
        next = next + 1 == margins.length ? 0 : next + 1;
        if (count < margins.length) {
            count++;
        }
        // Recompute at once while the window is young, so the first estimates are not stale.
        if (++sinceRecompute >= RECOMPUTE_EVERY || count <= RECOMPUTE_EVERY) {
            sinceRecompute = 0;
            System.arraycopy(margins, 0, scratch, 0, count);
            median = Selection.select(scratch, 0, count, count / 2);
        }
    }

    void clear() {
        count = 0;
        next = 0;
        sinceRecompute = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long median() {
        return median;
    }
}
