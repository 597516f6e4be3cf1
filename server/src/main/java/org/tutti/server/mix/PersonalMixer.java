package org.tutti.server.mix;

import java.util.Arrays;

/**
 * The mix laws of a Jamulus server (protocol doc §6.2–6.3, {@code CServer::MixEncodeTransmitData} of 3.9.1) as a
 * pure function over float frames: one listener's personal mix is {@link #start started}, every source is
 * {@link #add added} with the listener's gain (already multiplied by the fade-ins) and pan, and the result is
 * {@link #write written} as 16-bit PCM, clipped as {@code Float2Short} does. No codec, no socket, no channel.
 *
 * <ul>
 * <li>mono listener: Σ g·(L+R)/2 for stereo sources, Σ g·x for mono ones; pan is ignored;</li>
 * <li>stereo listener, level panning: left += g·min(0.5, 1−pan)·2·L, right += g·min(0.5, pan)·2·R (the centre is
 *     full gain on both sides; a mono source is the same signal on both);</li>
 * <li>stereo listener, delay panning ({@code -P}): both sides at gain g, one side delayed by
 *     d = round(126·(pan − 0.5)) samples; d &gt; 0 holds back the left side (the source moves right);</li>
 * <li>clipping: values beyond ±32767/−32768 saturate, the rest is truncated toward zero.</li>
 * </ul>
 *
 * <p>One instance per mixing thread (its accumulators are scratch); allocation free after construction.
 */
public final class PersonalMixer {
    private final int frameSamples;
    private final boolean delayPan;
    private final float[] left;
    private final float[] right;
    private boolean stereo;

    /** A mixer for frames of {@code frameSamples} (≥ {@link SourceFrame#HISTORY_SAMPLES} for delay panning). */
    public PersonalMixer(int frameSamples, boolean delayPan) {
        this.frameSamples = frameSamples;
        this.delayPan = delayPan;
        this.left = new float[frameSamples];
        this.right = new float[frameSamples];
    }

    public int frameSamples() {
        return frameSamples;
    }

    /** Starts an empty mix for a mono or stereo listener. */
    public void start(boolean stereoOut) {
        stereo = stereoOut;
        Arrays.fill(left, 0, frameSamples, 0f);
        Arrays.fill(right, 0, frameSamples, 0f);
    }

    /**
     * Starts a mix as {@code sumGain}·sum + {@code ownGain}·own: the shortcut for a listener whose gains and pans
     * are all default, where {@code sum} holds every source's faded input (pan centre is full gain both sides).
     */
    public void startFromSum(boolean stereoOut, SourceFrame sum, float sumGain, SourceFrame own, float ownGain) {
        stereo = stereoOut;
        int n = frameSamples;
        if (stereoOut) {
            for (int i = 0; i < n; i++) {
                left[i] = sumGain * sum.left()[i] + ownGain * own.left()[i];
                right[i] = sumGain * sum.right()[i] + ownGain * own.right()[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                left[i] = sumGain * sum.mono()[i] + ownGain * own.mono()[i];
            }
        }
    }

    /** Adds {@code src} at {@code gain} (0 adds nothing) and {@code pan} (0 left, 0.5 centre, 1 right). */
    public void add(SourceFrame src, float gain, float pan) {
        if (gain == 0f) {
            return;
        }
        int n = frameSamples;
        if (!stereo) {
            float[] x = src.mono();
            for (int i = 0; i < n; i++) {
                left[i] += gain * x[i];
            }
        } else if (delayPan) {
            addDelayPanned(src, gain, pan);
        } else {
            float gl = gain * Math.min(0.5f, 1f - pan) * 2f;
            float gr = gain * Math.min(0.5f, pan) * 2f;
            float[] xl = src.left();
            float[] xr = src.right();
            for (int i = 0; i < n; i++) {
                left[i] += gl * xl[i];
                right[i] += gr * xr[i];
            }
        }
    }

    private void addDelayPanned(SourceFrame src, float gain, float pan) {
        int delay = panDelaySamples(pan);
        int h = SourceFrame.HISTORY_SAMPLES;
        int dl = Math.max(delay, 0);
        int dr = Math.max(-delay, 0);
        float[] xl = src.left();
        float[] xr = src.right();
        float[] hl = src.historyLeft();
        float[] hr = src.historyRight();
        for (int i = 0; i < frameSamples; i++) {
            int kl = i - dl;
            int kr = i - dr;
            left[i] += gain * (kl >= 0 ? xl[kl] : hl[h + kl]);
            right[i] += gain * (kr >= 0 ? xr[kr] : hr[h + kr]);
        }
    }

    /** Writes the mix as clipped 16-bit PCM: {@code frameSamples} values, or interleaved pairs for stereo. */
    public void write(short[] out) {
        clip(left, right, frameSamples, stereo, out);
    }

    /** Clips {@code frames} samples of {@code left} (mono), or of left and right interleaved (stereo), into out. */
    public static void clip(float[] left, float[] right, int frames, boolean stereo, short[] out) {
        if (stereo) {
            for (int i = 0; i < frames; i++) {
                out[2 * i] = clip(left[i]);
                out[2 * i + 1] = clip(right[i]);
            }
        } else {
            for (int i = 0; i < frames; i++) {
                out[i] = clip(left[i]);
            }
        }
    }

    /** Jamulus's {@code Float2Short}: saturate outside the 16-bit range, truncate toward zero inside it. */
    public static short clip(float v) {
        if (v > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        if (v < Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        return (short) v;
    }

    /** Level pan, left side: min(0.5, 1 − pan) × 2 ({@code MathUtils::GetLeftPan} without cross-fade). */
    public static float leftPanGain(float pan) {
        return Math.min(0.5f, 1f - pan) * 2f;
    }

    /** Level pan, right side: min(0.5, pan) × 2. */
    public static float rightPanGain(float pan) {
        return Math.min(0.5f, pan) * 2f;
    }

    /**
     * Delay pan: round((2 × 64 − 2) × (pan − 0.5)) samples, halves away from zero as C's {@code lround}; clamped to
     * ±63 so no pan can reach past the history. Positive delays the left side, negative the right.
     */
    public static int panDelaySamples(float pan) {
        float d = 126f * (pan - 0.5f);
        int delay = (int) (Math.signum(d) * Math.round(Math.abs(d)));
        int max = SourceFrame.HISTORY_SAMPLES - 1;
        return Math.max(-max, Math.min(max, delay));
    }
}
