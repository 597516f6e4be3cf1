package org.tutti.client.model;

/**
 * Jamulus's client-side fader law (protocol doc §6.4): fader 0..100 spans −35..0 dB, 0 is silence. Pan 0..100 maps
 * linearly to 0..1 (0.5 centre).
 */
public final class FaderLaw {
    public static final int MAX = 100;
    public static final int PAN_CENTRE = 50;
    static final double RANGE_DB = 35.0;

    private FaderLaw() {
    }

    /** Linear gain for a fader value (clamped to 0..100). */
    public static double gain(int fader) {
        int v = clamp(fader);
        return v == 0 ? 0.0 : Math.pow(10.0, ((v / (double) MAX) - 1.0) * RANGE_DB / 20.0);
    }

    /** The fader value closest to a linear gain (inverse of {@link #gain}); 0 for gains at or below −35 dB·(99/100). */
    public static int fader(double gain) {
        if (gain <= 0) {
            return 0;
        }
        double v = (20.0 * Math.log10(gain) / RANGE_DB + 1.0) * MAX;
        return clamp((int) Math.round(v));
    }

    /** Pan 0..100 as the wire's 0..1. */
    public static double pan(int pan) {
        return Math.max(0, Math.min(MAX, pan)) / (double) MAX;
    }

    public static int clamp(int fader) {
        return Math.max(0, Math.min(MAX, fader));
    }
}
