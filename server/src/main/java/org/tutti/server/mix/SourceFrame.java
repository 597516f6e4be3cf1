package org.tutti.server.mix;

import java.util.Arrays;

/**
 * One server frame of one source's input as the mix laws need it (protocol doc §6.3): left and right, and the mono
 * down-mix (L+R)/2 that a mono listener hears; a mono source is the same signal on both sides. It also keeps the
 * last {@link #HISTORY_SAMPLES} samples of the previous frame, which delay panning reaches back into.
 *
 * <p>A plain buffer with no thread of its own: its owner (the channel's input side, or the shared sum) writes it
 * once per tick before the mix phase, and the mixers only read it. Nothing here allocates after construction.
 */
public final class SourceFrame {
    /** Delay panning shifts a side by up to 63 samples, reaching back into the previous 64-sample frame. */
    public static final int HISTORY_SAMPLES = 64;

    private final float[] left;
    private final float[] right;
    private final float[] mono;
    private final float[] historyLeft = new float[HISTORY_SAMPLES];
    private final float[] historyRight = new float[HISTORY_SAMPLES];

    public SourceFrame(int maxFrameSamples) {
        this.left = new float[maxFrameSamples];
        this.right = new float[maxFrameSamples];
        this.mono = new float[maxFrameSamples];
    }

    /** Sets the frame from {@code frames} samples of 16-bit PCM, interleaved when {@code channels} is 2. */
    public void set(short[] pcm, int channels, int frames) {
        if (channels == 1) {
            for (int i = 0; i < frames; i++) {
                float v = pcm[i];
                mono[i] = v;
                left[i] = v;
                right[i] = v;
            }
        } else {
            for (int i = 0; i < frames; i++) {
                float l = pcm[2 * i];
                float r = pcm[2 * i + 1];
                left[i] = l;
                right[i] = r;
                mono[i] = (l + r) * 0.5f;
            }
        }
    }

    /** Silence for {@code frames} samples (a source whose format is not known yet). */
    public void silence(int frames) {
        Arrays.fill(mono, 0, frames, 0f);
        Arrays.fill(left, 0, frames, 0f);
        Arrays.fill(right, 0, frames, 0f);
    }

    /** Adds {@code gain} × {@code src} to this frame on all three views (the shared sum of faded inputs). */
    public void addScaled(SourceFrame src, float gain, int frames) {
        for (int i = 0; i < frames; i++) {
            mono[i] += gain * src.mono[i];
            left[i] += gain * src.left[i];
            right[i] += gain * src.right[i];
        }
    }

    /** Keeps the end of this frame ({@code frames} ≥ {@link #HISTORY_SAMPLES}) for delay panning in the next. */
    public void rememberHistory(int frames) {
        int from = frames - HISTORY_SAMPLES;
        System.arraycopy(left, from, historyLeft, 0, HISTORY_SAMPLES);
        System.arraycopy(right, from, historyRight, 0, HISTORY_SAMPLES);
    }

    /** Forgets the previous frame (a new connection starts from silence). */
    public void clearHistory() {
        Arrays.fill(historyLeft, 0f);
        Arrays.fill(historyRight, 0f);
    }

    public float[] left() {
        return left;
    }

    public float[] right() {
        return right;
    }

    public float[] mono() {
        return mono;
    }

    float[] historyLeft() {
        return historyLeft;
    }

    float[] historyRight() {
        return historyRight;
    }
}
