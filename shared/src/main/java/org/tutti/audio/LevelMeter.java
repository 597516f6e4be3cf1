package org.tutti.audio;

/**
 * Peak level meter with Jamulus's behaviour (protocol doc §6.5): per update, the most negative sample
 * among every third sample frame is the peak; the held level first decays by the smoothing factor (or
 * drops to 0 once below 2) and is then raised to the new peak. The server meters with mono output and
 * smoothing 0.5 ({@link #forServer()}), updating once per level-list interval from the current frame only;
 * the client meters its own input in stereo with 0.99.
 *
 * <p>Not thread-safe: one owner thread. No allocation.
 */
public final class LevelMeter {
    /** Smoothing factor of the server's per-channel meters. */
    public static final double SERVER_SMOOTHING = 0.5;
    /** Smoothing factor of the client's own input meter. */
    public static final double CLIENT_SMOOTHING = 0.99;
    /** Below this linear level the held level resets to 0. */
    public static final double FLY_BACK_LEVEL = 2.0;
    /** Number of meter steps: {@link #meterValue} ranges 0..8. */
    public static final int METER_STEPS = 8;
    private static final double LOW_BOUND_DB = -50.0;
    private static final double FULL_SCALE = Short.MAX_VALUE;

    private final boolean stereoOut;
    private final double smoothing;
    private double levelLeftOrMono;
    private double levelRight;

    public LevelMeter(boolean stereoOut, double smoothing) {
        this.stereoOut = stereoOut;
        this.smoothing = smoothing;
    }

    /** The meter the server keeps per channel for the level list. */
    public static LevelMeter forServer() {
        return new LevelMeter(false, SERVER_SMOOTHING);
    }

    /**
     * Feeds one frame of interleaved (stereo) or plain (mono) 16-bit samples starting at {@code offset}.
     * With mono output, a stereo input is metered as the louder of its two channels.
     */
    public void update(short[] pcm, int offset, int frameSamples, boolean stereoIn) {
        int minLeft = 0;
        int minRight = 0;
        if (stereoIn) {
            for (int i = 0; i < 2 * frameSamples; i += 6) { // every third stereo sample pair
                minLeft = Math.min(minLeft, pcm[offset + i]);
                minRight = Math.min(minRight, pcm[offset + i + 1]);
            }
            if (!stereoOut) {
                minLeft = Math.min(minLeft, minRight);
            }
        } else {
            for (int i = 0; i < frameSamples; i += 3) {
                minLeft = Math.min(minLeft, pcm[offset + i]);
            }
        }
        levelLeftOrMono = hold(levelLeftOrMono, -minLeft);
        if (stereoOut) {
            levelRight = hold(levelRight, -minRight);
        }
    }

    private double hold(double level, double peak) {
        double decayed = level >= FLY_BACK_LEVEL ? level * smoothing : 0.0;
        return Math.max(decayed, peak);
    }

    /** Held linear level (0..32768) of the left or mono channel. */
    public double levelLeftOrMono() {
        return levelLeftOrMono;
    }

    /** Held linear level of the right channel (stereo output only). */
    public double levelRight() {
        return levelRight;
    }

    /** The left/mono level as a meter step 0..8: the value the server sends in the level list. */
    public int meterStepLeftOrMono() {
        return meterStep(levelLeftOrMono);
    }

    public void reset() {
        levelLeftOrMono = 0;
        levelRight = 0;
    }

    /**
     * Linear level to the continuous meter scale: −50..0 dBFS mapped linearly onto 0..8, clamped at 0
     * (not at 8: −32768 reads slightly above 8).
     */
    public static double meterValue(double linearLevel) {
        double db = linearLevel > 0 ? 20.0 * Math.log10(linearLevel / FULL_SCALE) : -100_000.0;
        return Math.max(0.0, (db - LOW_BOUND_DB) * METER_STEPS / -LOW_BOUND_DB);
    }

    /** {@code ceil(meterValue)}: 0..8, or 9 for a full negative-scale sample (−32768). */
    public static int meterStep(double linearLevel) {
        return (int) Math.ceil(meterValue(linearLevel));
    }
}
