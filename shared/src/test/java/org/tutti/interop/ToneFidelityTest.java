package org.tutti.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToneFidelityTest {
    private static double[] tone(int n, double phase) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.2 * Math.sin(2 * Math.PI * 240 * i / 48_000.0 + phase) + 0.01;
        }
        return x;
    }

    @Test
    void aPureToneWithAnOffsetIsClean() {
        ToneFidelity f = ToneFidelity.of(tone(48_000, 1.0), 240, 48_000);
        assertThat(f.medianSnrDb()).isGreaterThan(100);
        assertThat(f.glitchyBlocks()).isZero();
        assertThat(f.dropoutWindows()).isZero();
        assertThat(f.blocks()).isEqualTo(20);
    }

    @Test
    void whiteNoiseAtAKnownLevelGivesThatSignalToNoise() {
        double[] x = tone(48_000, 0.3);
        SplittableRandom random = new SplittableRandom(7);
        double noiseRms = 0.2 / Math.sqrt(2) / Math.pow(10, 30 / 20.0); // 30 dB under the tone's RMS
        for (int i = 0; i < x.length; i++) {
            x[i] += noiseRms * Math.sqrt(3) * (2 * random.nextDouble() - 1); // uniform noise of that RMS
        }
        assertThat(ToneFidelity.of(x, 240, 48_000).medianSnrDb()).isCloseTo(30, within(0.5));
    }

    @Test
    void aGapIsCountedInWindowsAndSpoilsOnlyItsBlock() {
        double[] x = tone(48_000, 0);
        java.util.Arrays.fill(x, 10_000, 10_000 + 1280, 0); // 26.7 ms of silence: 10 windows, 9 of them whole
        ToneFidelity f = ToneFidelity.of(x, 240, 48_000);
        assertThat(f.dropoutWindows()).isBetween(9, 11);
        assertThat(f.glitchyBlocks()).isEqualTo(1);
        assertThat(f.medianSnrDb()).isGreaterThan(100);
    }

    @Test
    void aPhaseJumpIsAGlitchButNoDropout() {
        double[] x = tone(48_000, 0);
        double[] shifted = tone(48_000, Math.PI / 2);
        System.arraycopy(shifted, 30_000, x, 30_000, 18_000);
        ToneFidelity f = ToneFidelity.of(x, 240, 48_000);
        assertThat(f.glitchyBlocks()).isEqualTo(1);
        assertThat(f.dropoutWindows()).isZero();
    }
}
