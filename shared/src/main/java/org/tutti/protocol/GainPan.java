package org.tutti.protocol;

/**
 * The u16 encoding of gains and pans (protocol doc §2.6): {@code (int)(f * 32768)}. Gain 1.0 is 32768; pan 0 is
 * hard left, 16384 centre, 32768 hard right. 3.9.1 does not clamp, so wire values up to 65535 (gain ≈ 2.0) occur.
 */
public final class GainPan {
    /** Wire value of gain 1.0 and of pan hard right. */
    public static final int UNITY = 32768;
    /** Wire value of a centred pan. */
    public static final int PAN_CENTRE = 16384;

    private GainPan() {
    }

    /** Wire value for {@code value}, truncated like Jamulus and clamped to the u16 range. */
    public static int toWire(double value) {
        int v = (int) (value * UNITY);
        return Math.max(0, Math.min(0xFFFF, v));
    }

    /** The gain or pan a wire value stands for. */
    public static double fromWire(int wire) {
        return wire / (double) UNITY;
    }
}
