package org.tutti.backend.resample;

/** THD+N of a recorded tone, for tests outside this package. */
public final class ToneMeasure {
    private ToneMeasure() {
    }

    public static double thdnDb(float[] x, double frequency, int rate) {
        return ToneFit.of(x, 0, x.length, frequency, rate).thdnDb();
    }
}
