package org.tutti.backend.resample;

/**
 * Least-squares fit of {@code a·sin + b·cos + dc} at a known frequency: what is left over is harmonic distortion
 * plus noise (THD+N), and the fitted phase gives the delay of a tone.
 *
 * @param amplitude peak amplitude of the fitted tone
 * @param phaseRad  phase of the tone at sample 0 relative to sin(ωt)
 * @param thdnDb    residual RMS over tone RMS, in dB
 */
record ToneFit(double amplitude, double phaseRad, double thdnDb) {
    static float[] sine(double frequency, int rate, float amplitude, int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }

    /** Fits {@code x[from .. from+count)}, with sample index 0 as the time origin. */
    static ToneFit of(float[] x, int from, int count, double frequency, int rate) {
        double w = 2 * Math.PI * frequency / rate;
        double[][] m = new double[3][3];
        double[] v = new double[3];
        for (int i = from; i < from + count; i++) {
            double[] basis = {Math.sin(w * i), Math.cos(w * i), 1};
            for (int r = 0; r < 3; r++) {
                v[r] += basis[r] * x[i];
                for (int c = 0; c < 3; c++) {
                    m[r][c] += basis[r] * basis[c];
                }
            }
        }
        double[] coef = solve(m, v);
        double residual = 0;
        for (int i = from; i < from + count; i++) {
            double fit = coef[0] * Math.sin(w * i) + coef[1] * Math.cos(w * i) + coef[2];
            residual += (x[i] - fit) * (x[i] - fit);
        }
        double amplitude = Math.hypot(coef[0], coef[1]);
        double toneRms = amplitude / Math.sqrt(2);
        double residualRms = Math.sqrt(residual / count);
        return new ToneFit(amplitude, Math.atan2(coef[1], coef[0]), 20 * Math.log10(residualRms / toneRms));
    }

    /** Delay of this tone against sin(ωt), in seconds, taking the multiple of the period nearest {@code expected}. */
    double delaySeconds(double frequency, double expected) {
        double period = 1 / frequency;
        double d = -phaseRad / (2 * Math.PI * frequency);
        return d + Math.round((expected - d) / period) * period;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int p = 0; p < n; p++) {
            for (int r = p + 1; r < n; r++) {
                double f = a[r][p] / a[p][p];
                b[r] -= f * b[p];
                for (int c = p; c < n; c++) {
                    a[r][c] -= f * a[p][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
