package org.tutti.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.testing.Await;

/**
 * A new device or stream format builds a new engine off the EDT and carries the fader memory over. The settings
 * object is the EDT's (dialogs edit it, the file is written from it): the rebuild must not write into it from its own
 * thread. Shown by holding the EDT while the rebuild runs: the settings may change only once the EDT is free again.
 */
class EngineSwapSettingsTest {
    @Test
    void theCarriedFadersReachTheSettingsOnTheEdtOnly() throws Exception {
        ClientSettings s = new ClientSettings();
        s.profile.name = "Swapper";
        s.faders = new LinkedHashMap<>(Map.of("Bob", new FaderSettings(50, 0, true, false, 0)));
        EngineSession session = new EngineSession();
        session.useBackends(settings -> Optional.of(new PacedFakeBackend()));
        ClientEngine first = EngineFactory.create(s, new PacedFakeBackend(), session);
        session.bind(first, null, s);
        Map<String, FaderSettings> before = s.faders;
        AtomicBoolean untouchedWhileEdtHeld = new AtomicBoolean();
        try {
            SwingUtilities.invokeAndWait(() -> {
                session.settingsChanged(s, true);
                // Hold the EDT until the rebuild has made its new engine.
                Await.until("the new engine", Duration.ofSeconds(10), () -> session.engine() != first);
                untouchedWhileEdtHeld.set(s.faders == before);
            });
            assertThat(untouchedWhileEdtHeld).as("settings untouched while the EDT was held").isTrue();
            Await.until("the carried faders in the settings", () -> s.faders != before);
            assertThat(s.faders).containsKey("Bob");
            assertThat(s.faders.get("Bob").mute()).isTrue();
        } finally {
            session.engine().close();
        }
    }
}
