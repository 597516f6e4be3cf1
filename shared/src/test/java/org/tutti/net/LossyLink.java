package org.tutti.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded in-memory datagram link between two endpoints that loses, duplicates and reorders (random delays)
 * datagrams. Time is whatever the test's fake clock says.
 */
final class LossyLink {
    private record InFlight(long deliverAtNanos, long seq, int to, byte[] datagram) {
    }

    private final Random random;
    private final double lossRate;
    private final double duplicateRate;
    private final long maxDelayNanos;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(
            Comparator.comparingLong(InFlight::deliverAtNanos).thenComparingLong(InFlight::seq));
    private long seq;
    private long nowNanos;
    long sent;
    long lost;

    LossyLink(long seed, double lossRate, double duplicateRate, long maxDelayNanos) {
        this.random = new Random(seed);
        this.lossRate = lossRate;
        this.duplicateRate = duplicateRate;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** A sink that sends towards endpoint {@code to} (0 or 1). */
    DatagramSink sinkTo(int to) {
        return (d, off, len) -> {
            byte[] copy = java.util.Arrays.copyOfRange(d, off, off + len);
            int copies = random.nextDouble() < duplicateRate ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                sent++;
                if (random.nextDouble() < lossRate) {
                    lost++;
                    continue;
                }
                long delay = (long) (random.nextDouble() * maxDelayNanos);
                inFlight.add(new InFlight(nowNanos + delay, seq++, to, copy));
            }
        };
    }

    /** Sets the time and returns the datagrams due by then, as (endpoint, bytes) pairs in delivery order. */
    List<Object[]> advanceTo(long nowNanos) {
        this.nowNanos = nowNanos;
        List<Object[]> due = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().deliverAtNanos() <= nowNanos) {
            InFlight f = inFlight.poll();
            due.add(new Object[] {f.to(), f.datagram()});
        }
        return due;
    }
}
