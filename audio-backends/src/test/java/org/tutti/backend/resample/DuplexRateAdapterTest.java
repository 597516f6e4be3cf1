package org.tutti.backend.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A 44.1 kHz device driving a 48 kHz, 128-frame application that loops its input to its output: the device hears
 * its own tone back, clean, after exactly the delay the adapter states, and never runs dry.
 */
class DuplexRateAdapterTest {
    private static final int DEVICE_RATE = 44_100;

    /** Drives {@code adapter} with {@code input} in device cycles of the given sizes (cycled); returns the output. */
    private static float[] run(DuplexRateAdapter adapter, float[] input, int... cycleFrames) {
        float[] output = new float[input.length];
        int max = 0;
        for (int f : cycleFrames) {
            max = Math.max(max, f);
        }
        float[][] in = new float[2][max];
        float[][] out = new float[2][max];
        int k = 0;
        for (int at = 0; at + max <= input.length; k++) {
            int n = cycleFrames[k % cycleFrames.length];
            System.arraycopy(input, at, in[0], 0, n);
            System.arraycopy(input, at, in[1], 0, n);
            adapter.process(in, out, n);
            System.arraycopy(out[0], 0, output, at, n);
            at += n;
        }
        return output;
    }

    @Test
    void loopsAToneBackCleanlyAfterTheStatedDelay() {
        AtomicInteger appFrames = new AtomicInteger();
        DuplexRateAdapter adapter = new DuplexRateAdapter(DEVICE_RATE, 48_000, 128, 118, 2, (in, out, frames) -> {
            appFrames.set(frames);
            System.arraycopy(in[0], 0, out[0], 0, frames);
            System.arraycopy(in[1], 0, out[1], 0, frames);
        });
        float[] out = run(adapter, ToneFit.sine(1000, DEVICE_RATE, 0.5f, DEVICE_RATE), 118);

        assertThat(appFrames.get()).isEqualTo(128);
        assertThat(adapter.underruns()).isZero();
        ToneFit fit = ToneFit.of(out, 4410, 30_000, 1000, DEVICE_RATE);
        double delay = fit.delaySeconds(1000, adapter.delaySeconds());
        System.out.printf("adapter 44.1 kHz device <-> 48 kHz/128 app, loopback 1 kHz: THD+N %.1f dB, delay %.3f ms"
                + " (resamplers %.3f ms + priming %d frames)%n", fit.thdnDb(), delay * 1000,
                (adapter.delaySeconds() - adapter.primeFrames() / (double) DEVICE_RATE) * 1000, adapter.primeFrames());
        assertThat(fit.thdnDb()).isLessThan(-80);
        assertThat(delay).isCloseTo(adapter.delaySeconds(), within(2e-6));
    }

    @Test
    void anImpulseReturnsAfterTheStatedDelayEvenWithIrregularDeviceCycles() {
        DuplexRateAdapter adapter = new DuplexRateAdapter(DEVICE_RATE, 48_000, 64, 200, 2, (in, out, frames) -> {
            System.arraycopy(in[0], 0, out[0], 0, frames);
        });
        float[] input = new float[DEVICE_RATE / 2];
        input[10_000] = 1f;
        float[] out = run(adapter, input, 37, 200, 64, 113, 1);
        int peak = 0;
        for (int i = 0; i < out.length; i++) {
            peak = Math.abs(out[i]) > Math.abs(out[peak]) ? i : peak;
        }
        assertThat(adapter.underruns()).isZero();
        assertThat((double) peak).isCloseTo(10_000 + adapter.delaySeconds() * DEVICE_RATE, within(1.0));
    }

    @Test
    void eachOfFourInputsAndThreeOutputsKeepsItsOwnSignal() {
        AtomicInteger appInputs = new AtomicInteger();
        DuplexRateAdapter adapter = new DuplexRateAdapter(DEVICE_RATE, 48_000, 128, 118, 4, 3, (in, out, frames) -> {
            appInputs.set(in.length);
            System.arraycopy(in[2], 0, out[1], 0, frames); // input 3 to output 2 only
        });
        float[][] in = new float[4][118];
        float[][] out = new float[3][118];
        java.util.Arrays.fill(in[2], 0.25f);
        java.util.Arrays.fill(in[0], -0.5f);
        for (int k = 0; k < 200; k++) {
            adapter.process(in, out, 118);
        }
        assertThat(appInputs.get()).isEqualTo(4);
        assertThat(out[1][117]).isCloseTo(0.25f, within(1e-4f));
        assertThat(out[0][117]).isZero();
        assertThat(out[2][117]).isZero();
    }
}
