package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MixLawsTest {

    private static double db(double gain) {
        return 20 * Math.log10(gain);
    }

    @Test
    void faderEndsAreSilenceAndUnity() {
        assertThat(MixLaws.faderGain(0)).isZero();
        assertThat(MixLaws.faderGain(100)).isEqualTo(1.0f);
    }

    @Test
    void faderIsLinearInDecibelsDownToMinus35() {
        assertThat(db(MixLaws.faderGain(1))).isCloseTo(-34.65, within(0.01));
        assertThat(db(MixLaws.faderGain(50))).isCloseTo(-17.5, within(0.01));
        assertThat(db(MixLaws.faderGain(90))).isCloseTo(-3.5, within(0.01));
        for (int v = 1; v < 100; v++) {
            assertThat(MixLaws.faderGain(v)).isLessThan(MixLaws.faderGain(v + 1));
        }
    }

    @Test
    void faderValueOutOfRangeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MixLaws.faderGain(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> MixLaws.faderGain(101));
    }

    @ParameterizedTest(name = "pan {0} -> L {1}, R {2}")
    @CsvSource({"0, 1, 0", "0.25, 1, 0.5", "0.5, 1, 1", "0.75, 0.5, 1", "1, 0, 1"})
    void panLawKeepsFullLevelAtCentre(float pan, float left, float right) {
        assertThat(MixLaws.panLeftGain(pan)).isCloseTo(left, within(1e-6f));
        assertThat(MixLaws.panRightGain(pan)).isCloseTo(right, within(1e-6f));
    }

    @ParameterizedTest(name = "pan {0} -> delay {1}")
    @CsvSource({"0.5, 0", "1, 63", "0, -63", "0.75, 32", "0.25, -32", "0.504, 1", "0.496, -1"})
    void delayPanSpansPlusMinus63Samples(float pan, int samples) {
        assertThat(MixLaws.delayPanSamples(pan)).isEqualTo(samples);
    }

    @Test
    void monoDownmixAveragesTheChannels() {
        short[] stereo = {1000, 3000, -2000, 2000, Short.MAX_VALUE, Short.MAX_VALUE};
        float[] mono = new float[4];
        MixLaws.downmixToMono(stereo, 0, mono, 1, 3);
        assertThat(mono).containsExactly(0f, 2000f, 0f, Short.MAX_VALUE);
    }

    @Test
    void clippingSaturatesAtSixteenBits() {
        assertThat(MixLaws.clipToShort(40_000f)).isEqualTo(Short.MAX_VALUE);
        assertThat(MixLaws.clipToShort(-40_000f)).isEqualTo(Short.MIN_VALUE);
        assertThat(MixLaws.clipToShort(1234.7f)).isEqualTo((short) 1234);
    }
}
