package org.tutti.client.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import javax.swing.LookAndFeel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.client.ui.Theme;
import org.tutti.client.ui.ThemeColours;

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

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void meterHasFiveGreenTwoYellowOneRedStep(Theme theme) throws Exception {
        LookAndFeel before = UIManager.getLookAndFeel();
        try {
            SwingUtilities.invokeAndWait(() -> Theme.install(theme));
            Color green = ThemeColours.get(ThemeColours.METER_GREEN);
            Color yellow = ThemeColours.get(ThemeColours.METER_YELLOW);
            Color red = ThemeColours.get(ThemeColours.METER_RED);
            assertThat(List.of(green, yellow, red)).doesNotHaveDuplicates();
            assertThat(MeterBar.colourOf(0)).isEqualTo(green);
            assertThat(MeterBar.colourOf(4)).isEqualTo(green);
            assertThat(MeterBar.colourOf(5)).isEqualTo(yellow);
            assertThat(MeterBar.colourOf(6)).isEqualTo(yellow);
            assertThat(MeterBar.colourOf(7)).isEqualTo(red);
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    UIManager.setLookAndFeel(before);
                } catch (UnsupportedLookAndFeelException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
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
