package org.tutti.server.engine;

/**
 * Token buckets per key (an IP address, or a channel) in a fixed table: no allocation on the receive path. Two keys
 * that hash to the same slot share one budget; a newcomer never gets a fresh burst by evicting another key (else a
 * spoofer rotating sources would refill the bucket with every request). Owned by the engine thread.
 */
final class ClmRateLimiter {
    private final int mask;
    private final double[] tokens;
    private final long[] lastRefillNs;
    private final boolean[] used;
    private final double answersPerSecond;
    private final double burst;

    /** @param slots a power of two: the number of independent budgets */
    ClmRateLimiter(int slots, double answersPerSecond, double burst) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.mask = slots - 1;
        this.tokens = new double[slots];
        this.lastRefillNs = new long[slots];
        this.used = new boolean[slots];
        this.answersPerSecond = answersPerSecond;
        this.burst = burst;
    }

    /** True if an answer to {@code key} may be sent now (and takes one token). */
    boolean tryAcquire(long key, long nowNs) {
        long h = key * 0x9E3779B97F4A7C15L; // spread consecutive addresses over the table
        return tryAcquireSlot((int) (h >>> 40) & mask, nowNs);
    }

    /** As {@link #tryAcquire} for a key that is already a slot index below the table size (a channel ID). */
    boolean tryAcquireSlot(int slot, long nowNs) {
        if (!used[slot]) {
            used[slot] = true;
            tokens[slot] = burst;
        } else {
            double refill = Math.max(0, nowNs - lastRefillNs[slot]) * 1e-9 * answersPerSecond;
            tokens[slot] = Math.min(burst, tokens[slot] + refill);
        }
        lastRefillNs[slot] = nowNs;
        if (tokens[slot] >= 1) {
            tokens[slot] -= 1;
            return true;
        }
        return false;
    }
}
