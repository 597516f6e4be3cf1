package org.tutti.audio;

/**
 * RFC 3550-style inter-arrival jitter: the smoothed deviation of arrival spacing from the spacing the
 * sequence numbers promise. Without sequence numbers, consecutive arrivals are taken as consecutive frames.
 */
final class ArrivalJitter {
    private final long framePeriodNanos;
    private long lastArrivalNanos;
    private int lastSeq8;
    private boolean hasLast;
    private double jitterNanos;

    ArrivalJitter(long framePeriodNanos) {
        this.framePeriodNanos = framePeriodNanos;
    }

    void onArrival(int seq8, boolean sequenced, long nowNanos) {
        if (hasLast) {
            int frames = sequenced ? (byte) (seq8 - lastSeq8) : 1;
            long deviation = Math.abs((nowNanos - lastArrivalNanos) - frames * framePeriodNanos);
            jitterNanos += (deviation - jitterNanos) / 16.0;
        }
        hasLast = true;
        lastSeq8 = seq8;
        lastArrivalNanos = nowNanos;
    }

    double jitterNanos() {
        return jitterNanos;
    }
}
