package org.tutti.client.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.SwingConstants;
import org.junit.jupiter.api.Test;

/** Jamulus's thresholds for the delay LED and the level meter colours. */
class IndicatorsTest {
    @Test
    void overallDelayLedFollowsJamulusThresholds() {
        assertThat(Led.forOverallDelayMs(0)).isEqualTo(Led.State.GREEN);
        assertThat(Led.forOverallDelayMs(43)).isEqualTo(Led.State.GREEN);
        assertThat(Led.forOverallDelayMs(44)).isEqualTo(Led.State.YELLOW);
        assertThat(Led.forOverallDelayMs(68)).isEqualTo(Led.State.YELLOW);
        assertThat(Led.forOverallDelayMs(69)).isEqualTo(Led.State.RED);
        assertThat(Led.forJitterBuffer(true)).isEqualTo(Led.State.GREEN);
        assertThat(Led.forJitterBuffer(false)).isEqualTo(Led.State.RED);
    }

    @Test
    void meterHasFiveGreenTwoYellowOneRedStep() {
        assertThat(MeterBar.colourOf(0)).isEqualTo(Led.GREEN);
        assertThat(MeterBar.colourOf(4)).isEqualTo(Led.GREEN);
        assertThat(MeterBar.colourOf(5)).isEqualTo(Led.YELLOW);
        assertThat(MeterBar.colourOf(6)).isEqualTo(Led.YELLOW);
        assertThat(MeterBar.colourOf(7)).isEqualTo(Led.RED);
    }

    @Test
    void dbScaleMatchesTheServerLevelFormula() {
        assertThat(MeterBar.stepsFromDb(0)).isEqualTo(8.0);
        assertThat(MeterBar.stepsFromDb(-50)).isEqualTo(0.0);
        assertThat(MeterBar.stepsFromDb(-80)).isEqualTo(0.0);
        assertThat(MeterBar.stepsFromDb(-25)).isEqualTo(4.0);
    }

    @Test
    void clipLightHoldsTwentySecondsAfterOverload() {
        MeterBar m = new MeterBar(SwingConstants.HORIZONTAL, "test");
        m.setLevel(9, 1_000);
        assertThat(m.clipping()).isTrue();
        m.setLevel(3, 20_999);
        assertThat(m.clipping()).isTrue();
        m.setLevel(3, 21_000);
        assertThat(m.clipping()).isFalse();
        assertThat(m.level()).isEqualTo(3.0);
    }
}
