package org.tutti.interop;

import java.util.Arrays;

/**
 * How cleanly a recorded steady tone came through, as a musician would hear it:
 *
 * <ul>
 *   <li><b>SNR</b>: in each 50-ms block a least-squares fit of {@code a·sin + b·cos + c} at the tone's frequency; the
 *       fit's power against the power of the rest (codec noise, clicks, concealment). The median over blocks is the
 *       steady quality; blocks under {@value #GLITCH_DB} dB are <b>glitches</b> (a crackle neither the median nor the
 *       dropout count sees);</li>
 *   <li><b>dropouts</b>: 128-sample (2.67-ms) windows whose RMS is under 10 % of the median window RMS: stretches
 *       where the tone went missing.</li>
 * </ul>
 */
public record ToneFidelity(double medianSnrDb, int glitchyBlocks, int blocks, int dropoutWindows, double rms) {
    public static final int BLOCK_SAMPLES = 2400;
    public static final int WINDOW_SAMPLES = 128;
    public static final double GLITCH_DB = 20;

    /** Analyses {@code samples} (any scale) holding a tone of {@code toneHz} at {@code sampleRate}. */
    public static ToneFidelity of(short[] samples, double toneHz, int sampleRate) {
        double[] x = new double[samples.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples[i] / 32768.0;
        }
        return of(x, toneHz, sampleRate);
    }

    public static ToneFidelity of(double[] x, double toneHz, int sampleRate) {
        int blocks = x.length / BLOCK_SAMPLES;
        if (blocks == 0) {
            throw new IllegalArgumentException("need at least one 50-ms block, got " + x.length + " samples");
        }
        double[] snr = new double[blocks];
        int glitches = 0;
        for (int b = 0; b < blocks; b++) {
            snr[b] = blockSnrDb(x, b * BLOCK_SAMPLES, BLOCK_SAMPLES, toneHz, sampleRate);
            if (snr[b] < GLITCH_DB) {
                glitches++;
            }
        }
        int windows = x.length / WINDOW_SAMPLES;
        double[] rms = new double[windows];
        double total = 0;
        for (int w = 0; w < windows; w++) {
            double sum = 0;
            for (int i = w * WINDOW_SAMPLES; i < (w + 1) * WINDOW_SAMPLES; i++) {
                sum += x[i] * x[i];
            }
            rms[w] = Math.sqrt(sum / WINDOW_SAMPLES);
            total += sum;
        }
        double medianRms = median(rms);
        int dropouts = 0;
        for (double r : rms) {
            if (r < 0.1 * medianRms) {
                dropouts++;
            }
        }
        return new ToneFidelity(median(snr), glitches, blocks, dropouts, Math.sqrt(total / (windows * WINDOW_SAMPLES)));
    }

    /** SNR of one block: a sine, cosine and offset fitted by least squares (3×3 normal equations). */
    static double blockSnrDb(double[] x, int from, int n, double toneHz, int sampleRate) {
        double[][] a = new double[3][4];
        double w = 2 * Math.PI * toneHz / sampleRate;
        for (int i = 0; i < n; i++) {
            double[] f = {Math.sin(w * i), Math.cos(w * i), 1};
            for (int r = 0; r < 3; r++) {
                a[r][3] += f[r] * x[from + i];
                for (int c = 0; c < 3; c++) {
                    a[r][c] += f[r] * f[c];
                }
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int r = p + 1; r < 3; r++) {
                double k = a[r][p] / a[p][p];
                for (int c = p; c < 4; c++) {
                    a[r][c] -= k * a[p][c];
                }
            }
        }
        double[] s = new double[3];
        for (int r = 2; r >= 0; r--) {
            double v = a[r][3];
            for (int c = r + 1; c < 3; c++) {
                v -= a[r][c] * s[c];
            }
            s[r] = v / a[r][r];
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < n; i++) {
            double m = s[0] * Math.sin(w * i) + s[1] * Math.cos(w * i);
            double e = x[from + i] - m - s[2];
            signal += m * m;
            noise += e * e;
        }
        if (signal == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "SNR %.2f dB, %d/%d glitchy blocks, %d dropout windows, RMS %.4f",
                medianSnrDb, glitchyBlocks, blocks, dropoutWindows, rms);
    }
}
