package org.tutti.faults;

/**
 * What {@link ImpairmentProxy} does to each datagram of one direction.
 *
 * @param lossRate        probability that a datagram is dropped on its own (0..1)
 * @param burstStartRate  probability that a burst of losses starts at a datagram (0..1)
 * @param burstLength     datagrams dropped per burst
 * @param reorderRate     probability that a datagram is held back by {@code reorderDelayMs} so later ones overtake it
 * @param reorderDelayMs  how long a reordered datagram is held
 * @param duplicateRate   probability that a datagram is sent twice
 * @param jitterMs        every datagram is delayed by a uniform 0..jitterMs
 */
public record Impairment(double lossRate, double burstStartRate, int burstLength, double reorderRate,
                         int reorderDelayMs, double duplicateRate, int jitterMs) {
    public static final Impairment NONE = new Impairment(0, 0, 0, 0, 0, 0, 0);

    /** Issue #10's network: 5 % loss (part of it in bursts of 3), 5 % reordered, 2 % duplicated, 0–4 ms jitter. */
    public static final Impairment HOSTILE_NETWORK = new Impairment(0.035, 0.005, 3, 0.05, 8, 0.02, 4);

    public Impairment {
        if (lossRate < 0 || lossRate > 1 || burstStartRate < 0 || burstStartRate > 1 || reorderRate < 0
                || reorderRate > 1 || duplicateRate < 0 || duplicateRate > 1 || burstLength < 0 || reorderDelayMs < 0
                || jitterMs < 0) {
            throw new IllegalArgumentException("impairment out of range: " + this);
        }
    }

    /** Expected fraction of datagrams lost (isolated plus bursts). */
    public double expectedLoss() {
        return Math.min(1, lossRate + burstStartRate * burstLength);
    }
}
