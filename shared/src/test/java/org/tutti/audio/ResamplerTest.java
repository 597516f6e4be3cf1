package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The playback resampler: transparent at ratio 1, a clean sine at ratios of a few hundred ppm, no allocation. */
class ResamplerTest {
    private static final double AMPLITUDE = 0.5;

    /** Pushes frames of a sine (left) and its negation (right) and renders device cycles of {@code cycleSamples}. */
    private static float[][] run(Resampler r, int channels, int frameSamples, int cycleSamples, int cycles,
                                 double hz, double ratio) {
        return run(r, channels, frameSamples, cycleSamples, cycles, hz, ratio, new long[1]);
    }

    /** @param pushedSamples input samples pushed so far (in and out), so that a second run continues the sine */
    private static float[][] run(Resampler r, int channels, int frameSamples, int cycleSamples, int cycles,
                                 double hz, double ratio, long[] pushedSamples) {
        r.setRatio(ratio);
        short[] pcm = new short[frameSamples * channels];
        float[][] out = new float[2][cycles * cycleSamples];
        long pushed = pushedSamples[0];
        for (int c = 0; c < cycles; c++) {
            int done = 0;
            while (done < cycleSamples) {
                if (r.needsInput()) {
                    for (int i = 0; i < frameSamples; i++) {
                        short v = (short) Math.round(AMPLITUDE * 32767 * Math.sin(2 * Math.PI * hz * (pushed + i) / 48_000));
                        pcm[i * channels] = v;
                        if (channels == 2) {
                            pcm[i * 2 + 1] = (short) -v;
                        }
                    }
                    r.push(pcm, 0, frameSamples);
                    pushed += frameSamples;
                }
                done += r.render(out[0], out[1], c * cycleSamples + done, cycleSamples - done);
            }
        }
        pushedSamples[0] = pushed;
        return out;
    }

    @ParameterizedTest(name = "{0} channel(s), {1}-sample frames")
    @CsvSource({"1, 64", "1, 128", "2, 64", "2, 128"})
    void atRatioOneTheOutputIsTheInputDelayedByTheLookAheadBitForBit(int channels, int frameSamples) {
        Resampler r = new Resampler(channels, frameSamples);
        float[][] out = run(r, channels, frameSamples, frameSamples, 200, 997, 1.0);
        for (int n = Resampler.LOOKAHEAD_SAMPLES; n < out[0].length; n++) {
            int k = n - Resampler.LOOKAHEAD_SAMPLES;
            short v = (short) Math.round(AMPLITUDE * 32767 * Math.sin(2 * Math.PI * 997 * k / 48_000));
            assertThat(out[0][n]).as("left sample %d", n).isEqualTo(v / 32768f);
            assertThat(out[1][n]).as("right sample %d", n).isEqualTo(channels == 2 ? (short) -v / 32768f : v / 32768f);
        }
        assertThat(out[0][0]).isZero(); // the look-ahead: the stream starts from silence, not from garbage
    }

    @ParameterizedTest(name = "ratio {0}, {1} channel(s), {2}-sample frames, device cycles of {3}")
    @CsvSource({"1.0003, 1, 128, 128", "1.0003, 2, 64, 64", "0.9997, 2, 128, 128", "1.005, 2, 64, 256",
                "0.995, 1, 128, 96"})
    void aSineKeepsItsShapeAndIsScaledInFrequencyByTheRatio(double ratio, int channels, int frameSamples,
                                                            int cycleSamples) {
        double hz = 1000;
        Resampler r = new Resampler(channels, frameSamples);
        float[][] out = run(r, channels, frameSamples, cycleSamples, 48_000 * 10 / cycleSamples, hz, ratio);
        int from = 1000; // past the start from silence
        assertThat(measuredHz(out[0], from)).isCloseTo(hz * ratio, org.assertj.core.data.Offset.offset(hz * 5e-6));
        float peak = 0;
        float maxStep = 0;
        for (int n = from; n < out[0].length; n++) {
            peak = Math.max(peak, Math.abs(out[0][n]));
            maxStep = Math.max(maxStep, Math.abs(out[0][n] - out[0][n - 1]));
            if (channels == 2) {
                assertThat(out[1][n]).isCloseTo(-out[0][n], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
        assertThat((double) peak).isCloseTo(AMPLITUDE, org.assertj.core.data.Offset.offset(0.001));
        // no clicks anywhere, frame boundaries included: no step larger than the sine's own steepest slope allows
        double steepest = 2 * Math.PI * hz * ratio * AMPLITUDE / 48_000;
        assertThat((double) maxStep).isLessThan(steepest * 1.01 + 1e-4);
        assertThat(r.consumedSamples() / out[0].length).isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void changingTheRatioMidStreamLeavesNoStep() {
        Resampler r = new Resampler(1, 128);
        long[] pushed = new long[1];
        float[][] a = run(r, 1, 128, 128, 100, 1000, 1.0, pushed);
        float[][] b = run(r, 1, 128, 128, 100, 1000, 1.005, pushed); // the same sine continues at the new ratio
        double steepest = 2 * Math.PI * 1000 * 1.005 * AMPLITUDE / 48_000;
        float lastBefore = a[0][a[0].length - 1];
        assertThat((double) Math.abs(b[0][0] - lastBefore)).isLessThan(steepest * 1.01 + 1e-4);
    }

    /** Frequency from the first and last rising zero crossings (linearly interpolated) and the cycles between. */
    private static double measuredHz(float[] x, int from) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int n = from + 1; n < x.length; n++) {
            if (x[n - 1] < 0 && x[n] >= 0) {
                double t = n - 1 + x[n - 1] / (double) (x[n - 1] - x[n]);
                if (first < 0) {
                    first = t;
                } else {
                    crossings++;
                }
                last = t;
            }
        }
        return crossings * 48_000 / (last - first);
    }

    @Test
    void pushAndRenderDoNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Resampler r = new Resampler(2, 128);
        r.setRatio(1.0007);
        short[] pcm = new short[256];
        float[] left = new float[128];
        float[] right = new float[128];
        Runnable cycle = () -> {
            int done = 0;
            while (done < 128) {
                if (r.needsInput()) {
                    r.push(pcm, 0, 128);
                }
                done += r.render(left, right, done, 128 - done);
            }
        };
        for (int i = 0; i < 20_000; i++) {
            cycle.run(); // warm up: JIT
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            cycle.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat((double) allocated / 100_000).as("bytes allocated per cycle").isLessThan(1.0);
    }
}
