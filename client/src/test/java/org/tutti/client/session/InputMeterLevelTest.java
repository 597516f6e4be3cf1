package org.tutti.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tutti.client.ui.widgets.MeterBar;

class InputMeterLevelTest {
    @Test
    void enginePeaksBecomeDbfsForTheMeters() {
        assertThat(EngineSession.dbfs(1f)).isCloseTo(0, within(1e-6));
        assertThat(EngineSession.dbfs(0.5f)).isCloseTo(-6.02, within(0.01));
        assertThat(EngineSession.dbfs(0f)).isEqualTo(-100);
        // a full-scale input lights the top of the meter, silence none of it
        assertThat(MeterBar.stepsFromDb(EngineSession.dbfs(1f))).isGreaterThan(MeterBar.stepsFromDb(EngineSession.dbfs(0.01f)));
        assertThat(MeterBar.stepsFromDb(EngineSession.dbfs(0f))).isEqualTo(0.0);
    }
}
