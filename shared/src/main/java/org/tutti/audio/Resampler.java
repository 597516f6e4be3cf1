package org.tutti.audio;

/**
 * Variable-ratio resampler for a stream of PCM frames (mono or interleaved stereo), used to play a stream at the
 * sender's clock rather than the sound card's: it consumes {@code ratio} input samples per output sample, with a
 * fractional read position and 4-point cubic Hermite (Catmull-Rom) interpolation. Ratios stay within a fraction of
 * a percent of 1, so no anti-alias filter is needed.
 *
 * <p>The read position trails the newest pushed sample by the interpolator's look-ahead (2 samples, 42 µs), so a
 * new frame is needed exactly when it would be without resampling: the jitter buffer is not asked one frame early.
 * At ratio 1 with a whole-sample phase (the state after construction) the output is the input delayed by 2 samples,
 * bit for bit: the interpolator returns its sample point unchanged at phase 0.
 *
 * <p>Use: while {@link #needsInput()}, {@link #push} one decoded frame; {@link #render} output until it has written
 * what the sound card asked for. No allocation, no locks; one owner thread.
 */
public final class Resampler {
    public static final int LOOKAHEAD_SAMPLES = 2;
    private final int channels;
    private final int mask;
    private final float[] left;
    private final float[] right;
    private long written;   // input samples pushed so far
    private long readIndex = -LOOKAHEAD_SAMPLES; // integer part of the read position, in input samples
    private double phase;   // fractional part, 0 <= phase < 1
    private double ratio = 1.0;

    /**
     * @param channels        1 or 2
     * @param maxFrameSamples largest frame {@link #push} will be given, per channel
     */
    public Resampler(int channels, int maxFrameSamples) {
        if ((channels != 1 && channels != 2) || maxFrameSamples < 1) {
            throw new IllegalArgumentException("channels must be 1 or 2, frames > 0");
        }
        int size = Integer.highestOneBit((maxFrameSamples + 2 * LOOKAHEAD_SAMPLES + 2) * 2 - 1);
        this.channels = channels;
        this.mask = size - 1;
        this.left = new float[size];
        this.right = channels == 2 ? new float[size] : left;
    }

    /** Input samples consumed per output sample (1.0: unchanged rate; above 1 the stream is played faster). */
    public void setRatio(double ratio) {
        this.ratio = ratio;
    }

    public double ratio() {
        return ratio;
    }

    /** True when the next output sample needs input that has not been pushed yet. */
    public boolean needsInput() {
        return readIndex + LOOKAHEAD_SAMPLES >= written;
    }

    /** Appends {@code samples} samples per channel of 16-bit PCM (interleaved when stereo). */
    public void push(short[] pcm, int off, int samples) {
        if (written + samples - (readIndex - 1) > left.length) {
            throw new IllegalStateException("push only when needsInput()");
        }
        for (int i = 0; i < samples; i++) {
            int slot = (int) ((written + i) & mask);
            if (channels == 1) {
                left[slot] = pcm[off + i] / 32768f;
            } else {
                left[slot] = pcm[off + 2 * i] / 32768f;
                right[slot] = pcm[off + 2 * i + 1] / 32768f;
            }
        }
        written += samples;
    }

    /**
     * Writes up to {@code count} output samples to {@code outLeft} and {@code outRight} from {@code off} (mono goes
     * to both) and stops early when input runs out.
     *
     * @return samples written
     */
    public int render(float[] outLeft, float[] outRight, int off, int count) {
        int done = 0;
        double step = ratio;
        while (done < count && readIndex + LOOKAHEAD_SAMPLES < written) {
            float t = (float) phase;
            float l = interpolate(left, readIndex, t);
            outLeft[off + done] = l;
            outRight[off + done] = channels == 1 ? l : interpolate(right, readIndex, t);
            phase += step;
            long whole = (long) phase;
            readIndex += whole;
            phase -= whole;
            done++;
        }
        return done;
    }

    private float interpolate(float[] ring, long index, float t) {
        float y0 = ring[(int) ((index - 1) & mask)];
        float y1 = ring[(int) (index & mask)];
        if (t == 0f) {
            return y1;
        }
        float y2 = ring[(int) ((index + 1) & mask)];
        float y3 = ring[(int) ((index + 2) & mask)];
        float c1 = 0.5f * (y2 - y0);
        float c2 = y0 - 2.5f * y1 + 2f * y2 - 0.5f * y3;
        float c3 = 0.5f * (y3 - y0) + 1.5f * (y1 - y2);
        return ((c3 * t + c2) * t + c1) * t + y1;
    }

    /** Input samples consumed so far (fractional), counted from the first pushed sample. */
    public double consumedSamples() {
        return readIndex + LOOKAHEAD_SAMPLES + phase;
    }

    /** Input samples pushed but not yet consumed (fractional). */
    public double bufferedSamples() {
        return written - consumedSamples();
    }
}
