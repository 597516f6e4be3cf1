package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The client's input law, value for value against what Jamulus 3.9.1 computes (its JACK callback's
 * {@code Float2Short(x * _MAXSHORT)} and {@code CClient::ProcessAudioDataIntern}); each expected number is worked
 * out by hand from Jamulus's code in the comment beside it.
 */
class InputMixTest {
    @Test
    void cardSamplesBecomeSixteenBitsTruncatedAndClipped() {
        assertThat(InputMix.fromCard(0.5f)).isEqualTo((short) 16383);    // 16383.5 truncated
        assertThat(InputMix.fromCard(-0.5f)).isEqualTo((short) -16383);  // toward zero, not down
        assertThat(InputMix.fromCard(1f)).isEqualTo((short) 32767);
        assertThat(InputMix.fromCard(1.5f)).isEqualTo((short) 32767);
        assertThat(InputMix.fromCard(-1.5f)).isEqualTo((short) -32768);
        assertThat(InputMix.fromCard(0.2f)).isEqualTo((short) 6553);     // 6553.4
    }

    @Test
    void monoCrossFadesSoTheCentreSumsBothInputsAtHalfLevel() {
        float centre = InputMix.panPosition(0);
        float gl = InputMix.leftGain(centre, ChannelMode.MONO);
        float gr = InputMix.rightGain(centre, ChannelMode.MONO);
        assertThat(gl).isEqualTo(0.5f);
        assertThat(gr).isEqualTo(0.5f);
        assertThat(InputMix.sum((short) 16383, (short) 16383, gl, gr)).isEqualTo((short) 16383);
        assertThat(InputMix.sum((short) 16383, (short) 0, gl, gr)).isEqualTo((short) 8191);  // 8191.5
        // hard right: only the right input, at full level (GetRightPan(1, true) = 1)
        float right = InputMix.panPosition(50);
        assertThat(InputMix.leftGain(right, ChannelMode.MONO)).isEqualTo(0f);
        assertThat(InputMix.sum((short) 1000, (short) 3000, InputMix.leftGain(right, ChannelMode.MONO),
                InputMix.rightGain(right, ChannelMode.MONO))).isEqualTo((short) 3000);
        // a quarter to the left: 0.75 · L + 0.25 · R
        float quarter = InputMix.panPosition(-25);
        assertThat(InputMix.sum((short) 1000, (short) 3000, InputMix.leftGain(quarter, ChannelMode.MONO),
                InputMix.rightGain(quarter, ChannelMode.MONO))).isEqualTo((short) 1500);
    }

    @Test
    void monoInStereoOutSumsAtFullLevelInTheCentre() {
        float centre = InputMix.panPosition(0);
        float gl = InputMix.leftGain(centre, ChannelMode.MONO_IN_STEREO_OUT);
        float gr = InputMix.rightGain(centre, ChannelMode.MONO_IN_STEREO_OUT);
        assertThat(gl).isEqualTo(1f);
        assertThat(gr).isEqualTo(1f);
        // one microphone on input 1 keeps its level (mono would halve it)
        assertThat(InputMix.sum((short) 6553, (short) 0, gl, gr)).isEqualTo((short) 6553);
        // two loud inputs clip instead of wrapping
        assertThat(InputMix.sum((short) 30000, (short) 30000, gl, gr)).isEqualTo((short) 32767);
        assertThat(InputMix.sum((short) -30000, (short) -30000, gl, gr)).isEqualTo((short) -32768);
        // a quarter to the left: the level law keeps the left at 1 and halves the right
        float quarter = InputMix.panPosition(-25);
        assertThat(InputMix.leftGain(quarter, ChannelMode.MONO_IN_STEREO_OUT)).isEqualTo(1f);
        assertThat(InputMix.rightGain(quarter, ChannelMode.MONO_IN_STEREO_OUT)).isEqualTo(0.5f);
    }

    @Test
    void stereoAppliesTheLevelLawToEachSide() {
        float quarterRight = InputMix.panPosition(25);
        float gl = InputMix.leftGain(quarterRight, ChannelMode.STEREO);
        float gr = InputMix.rightGain(quarterRight, ChannelMode.STEREO);
        assertThat(gl).isEqualTo(0.5f);
        assertThat(gr).isEqualTo(1f);
        assertThat(InputMix.side((short) 16383, gl)).isEqualTo((short) 8191);
        assertThat(InputMix.side((short) -16383, gl)).isEqualTo((short) -8191);
        assertThat(InputMix.side((short) 16383, gr)).isEqualTo((short) 16383);
    }

    @Test
    void boostMultipliesTheIntegerAndClipsWhereJamulusWrapsAround() {
        assertThat(InputMix.boost((short) 1000, 1f)).isEqualTo((short) 1000);
        assertThat(InputMix.boost((short) 1000, 3f)).isEqualTo((short) 3000);
        assertThat(InputMix.boost((short) -1001, 2f)).isEqualTo((short) -2002);
        // Jamulus: static_cast<int16_t>(2 * 20000) = -25536; Tutti clips
        assertThat(InputMix.boost((short) 20000, 2f)).isEqualTo((short) 32767);
        assertThat(InputMix.boost((short) -20000, 2f)).isEqualTo((short) -32768);
    }

    @Test
    void decodedSamplesGoToTheCardDividedBy32767() {
        assertThat(InputMix.toCard((short) 32767)).isEqualTo(1f);
        assertThat(InputMix.toCard((short) 16384)).isEqualTo(16384 / 32767f);
        assertThat(InputMix.toCard((short) -32768)).isEqualTo(-32768 / 32767f);
    }
}
