package org.tutti.server.ui;

import org.tutti.server.mix.Metronome;

/**
 * Tap tempo: the tempo of the last few taps, from the mean interval between them. A pause of more than two seconds
 * (slower than 30 bpm) starts a new count. Pure: the caller passes the tap times.
 */
final class TapTempo {
    /** Longer than the slowest beat (2 s at 30 bpm): a new tempo is being tapped. */
    static final long RESET_NANOS = 2_100_000_000L;
    /** The mean over at most this many intervals: steady enough, yet follows a change within a bar. */
    static final int INTERVALS = 4;

    private final long[] taps = new long[INTERVALS + 1];
    private int count;

    /** Records a tap at {@code nowNanos}; returns the tempo in 30..300 bpm once two taps are in, else -1. */
    int tap(long nowNanos) {
        if (count > 0 && nowNanos - taps[(count - 1) % taps.length] > RESET_NANOS) {
            count = 0;
        }
        taps[count % taps.length] = nowNanos;
        count++;
        if (count < 2) {
            return -1;
        }
        int intervals = Math.min(count - 1, INTERVALS);
        long first = taps[(count - 1 - intervals) % taps.length];
        double meanNanos = (nowNanos - first) / (double) intervals;
        long bpm = Math.round(60e9 / meanNanos);
        return (int) Math.max(Metronome.MIN_BPM, Math.min(Metronome.MAX_BPM, bpm));
    }
}
