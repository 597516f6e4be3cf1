package org.tutti.backend.resample;

import java.util.Arrays;

/**
 * Streaming sample-rate conversion by a rational factor up/down (44100 → 48000 is 160/147) with a Kaiser-windowed
 * sinc low-pass, evaluated as a polyphase filter: each output sample costs {@code taps} multiply-adds, whatever the
 * ratio. One instance per channel; no allocation after construction.
 */
public final class PolyphaseResampler {
    /** Taps per phase: about 4 kHz of transition band and 90 dB of stop band at 44.1/48 kHz. */
    public static final int DEFAULT_TAPS = 64;
    private static final double KAISER_BETA = 9.0;
    /** Pass band up to this fraction of the lower Nyquist frequency. */
    private static final double CUTOFF = 0.9;

    private final int inRate;
    private final int up;
    private final int down;
    private final int taps;
    private final float[] coefficients; // [phase * taps + j] multiplies x[i - j]
    private final float[] history;      // last `taps` inputs, newest first, stored twice for a contiguous window
    private int position;
    private int phase;                  // next output's offset after the newest input, in units of 1/up input samples

    public PolyphaseResampler(int inRate, int outRate) {
        this(inRate, outRate, DEFAULT_TAPS);
    }

    public PolyphaseResampler(int inRate, int outRate, int taps) {
        if (inRate <= 0 || outRate <= 0 || taps < 4) {
            throw new IllegalArgumentException("rates must be positive and taps >= 4");
        }
        int g = gcd(inRate, outRate);
        this.inRate = inRate;
        this.up = outRate / g;
        this.down = inRate / g;
        this.taps = taps;
        this.coefficients = design(up, down, taps);
        this.history = new float[2 * taps];
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    // Prototype low-pass at the up-sampled rate, split into `up` phases, each normalised to unity gain at DC.
    private static float[] design(int up, int down, int taps) {
        int length = up * taps;
        double centre = (length - 1) / 2.0;
        double cutoff = CUTOFF * 0.5 / Math.max(up, down); // cycles per up-sampled sample
        double[] h = new double[length];
        for (int m = 0; m < length; m++) {
            double x = m - centre;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double r = 2.0 * m / (length - 1) - 1;
            h[m] = sinc * bessel0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / bessel0(KAISER_BETA);
        }
        float[] c = new float[length];
        for (int p = 0; p < up; p++) {
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                sum += h[p + j * up];
            }
            for (int j = 0; j < taps; j++) {
                c[p * taps + j] = (float) (h[p + j * up] / sum);
            }
        }
        return c;
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /** The most outputs {@link #process} can write for {@code inCount} inputs. */
    public int maxOutput(int inCount) {
        return (int) (((long) inCount * up + down - 1) / down) + 1;
    }

    /** Converts {@code inCount} samples; returns how many were written to {@code out} from {@code outOffset}. */
    public int process(float[] in, int inOffset, int inCount, float[] out, int outOffset) {
        int o = outOffset;
        for (int k = 0; k < inCount; k++) {
            position = position == 0 ? taps - 1 : position - 1;
            history[position] = in[inOffset + k];
            history[position + taps] = in[inOffset + k];
            while (phase < up) {
                int base = phase * taps;
                float acc = 0f;
                for (int j = 0; j < taps; j++) {
                    acc += coefficients[base + j] * history[position + j];
                }
                out[o++] = acc;
                phase += down;
            }
            phase -= up;
        }
        return o - outOffset;
    }

    /** Delay the filter adds (linear phase, so the same at every frequency), in seconds. */
    public double delaySeconds() {
        return (up * (double) taps - 1) / (2.0 * up * inRate);
    }

    /** Forgets all past input (silence before the next sample). */
    public void reset() {
        Arrays.fill(history, 0f);
        position = 0;
        phase = 0;
    }
}
