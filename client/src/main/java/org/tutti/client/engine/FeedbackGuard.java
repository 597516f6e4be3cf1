package org.tutti.client.engine;

import java.util.concurrent.TimeUnit;

/**
 * Jamulus's feedback protection (3.8+): for the first {@value #WINDOW_MS} ms of a connection, an input that reaches
 * the top of the level meter — a howl building up from speakers into the microphone, or a signal far too loud —
 * trips the guard once, and the client then mutes itself. Jamulus's meter has 8 steps over 50 dB and trips above
 * 7.5 steps, i.e. a peak above −3.125 dBFS; the same threshold here, on the input peak after the boost. Off until
 * switched on: like Jamulus, the desktop turns it on (its settings, on by default); the headless client does not.
 * Control thread only.
 */
final class FeedbackGuard {
    static final long WINDOW_MS = 3_000;
    /** 10^(−3.125 / 20): the top half-step of Jamulus's 8-step, 50-dB meter. */
    static final float TRIP_PEAK = (float) Math.pow(10, -3.125 / 20);

    private boolean enabled; // the desktop switches it on from its settings; a headless Jamulus has none
    private long windowEndNanos = Long.MIN_VALUE;
    private boolean armed;

    void setEnabled(boolean on) {
        enabled = on;
        armed &= on;
    }

    boolean enabled() {
        return enabled;
    }

    /** A connection starts at {@code nowNanos}: watch its first seconds. */
    void connectionStarted(long nowNanos) {
        armed = enabled;
        windowEndNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);
    }

    /** True exactly once, when an input peak trips the guard inside the window. */
    boolean trips(long nowNanos, float peakLeft, float peakRight) {
        if (!armed) {
            return false;
        }
        if (nowNanos - windowEndNanos > 0) {
            armed = false;
            return false;
        }
        if (peakLeft > TRIP_PEAK || peakRight > TRIP_PEAK) {
            armed = false;
            return true;
        }
        return false;
    }
}
