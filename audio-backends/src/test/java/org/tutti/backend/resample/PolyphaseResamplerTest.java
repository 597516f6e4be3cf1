package org.tutti.backend.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A 1 kHz tone through the resampler: clean (THD+N), at unity gain, delayed by exactly the filter's delay. */
class PolyphaseResamplerTest {
    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "32000, 48000"})
    void oneKilohertzStaysCleanAndIsDelayedByTheFilter(int inRate, int outRate) {
        PolyphaseResampler r = new PolyphaseResampler(inRate, outRate);
        float[] in = ToneFit.sine(1000, inRate, 0.5f, inRate); // one second
        float[] out = new float[r.maxOutput(in.length)];
        // in uneven chunks, as device callbacks deliver it
        int written = 0;
        for (int at = 0, chunk = 97; at < in.length; at += chunk, chunk = chunk == 97 ? 131 : 97) {
            int n = Math.min(chunk, in.length - at);
            written += r.process(in, at, n, out, written);
        }
        assertThat(written).isCloseTo(outRate, within(1));

        ToneFit fit = ToneFit.of(out, outRate / 10, outRate / 2, 1000, outRate);
        System.out.printf("resampler %d -> %d Hz, 1 kHz at -6 dBFS: THD+N %.1f dB, gain %.4f dB, delay %.4f ms%n",
                inRate, outRate, fit.thdnDb(), 20 * Math.log10(fit.amplitude() / 0.5),
                fit.delaySeconds(1000, r.delaySeconds()) * 1000);
        assertThat(fit.thdnDb()).isLessThan(-80);
        assertThat(20 * Math.log10(fit.amplitude() / 0.5)).isCloseTo(0, within(0.01));
        assertThat(fit.delaySeconds(1000, r.delaySeconds())).isCloseTo(r.delaySeconds(), within(2e-6));
    }

    @Test
    void anImpulseComesOutAfterTheStatedDelay() {
        PolyphaseResampler r = new PolyphaseResampler(44_100, 48_000);
        float[] in = new float[4410];
        in[1000] = 1f;
        float[] out = new float[r.maxOutput(in.length)];
        int n = r.process(in, 0, in.length, out, 0);
        int peak = 0;
        for (int i = 0; i < n; i++) {
            peak = Math.abs(out[i]) > Math.abs(out[peak]) ? i : peak;
        }
        double expected = (1000.0 / 44_100 + r.delaySeconds()) * 48_000;
        assertThat((double) peak).isCloseTo(expected, within(1.0));
    }

    @Test
    void rejectsToneAboveTheLowerNyquistFrequency() {
        // 23 kHz at 48 kHz cannot exist at 44.1 kHz; it must not alias down to 21.1 kHz
        PolyphaseResampler r = new PolyphaseResampler(48_000, 44_100);
        float[] in = ToneFit.sine(23_000, 48_000, 0.5f, 48_000);
        float[] out = new float[r.maxOutput(in.length)];
        int n = r.process(in, 0, in.length, out, 0);
        double sum = 0;
        for (int i = 4410; i < n; i++) {
            sum += out[i] * out[i];
        }
        double rmsDb = 20 * Math.log10(Math.sqrt(sum / (n - 4410)) / (0.5 / Math.sqrt(2)));
        assertThat(rmsDb).isLessThan(-60);
    }

    @Test
    void equalRatesPassTheSignalThroughDelayedOnly() {
        PolyphaseResampler r = new PolyphaseResampler(48_000, 48_000, 16);
        float[] in = ToneFit.sine(1000, 48_000, 0.5f, 4800);
        float[] out = new float[r.maxOutput(in.length)];
        assertThat(r.process(in, 0, in.length, out, 0)).isEqualTo(4800);
    }
}
