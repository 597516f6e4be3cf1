package org.tutti.client.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.settings.ClientSettings;
import org.tutti.interop.FreePorts;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.ui.ServerPanelSettings;
import org.tutti.testing.Await;

/**
 * Server mode keeps the metronome's tempo and metre and the chat-command switch across restarts: a tempo set while
 * the server runs (here as JSON-RPC sets it) reaches the settings file's values, and the next start begins from it,
 * not clicking until asked.
 */
class BuiltInServerMetronomeTest {
    @TempDir
    Path dir;

    @Test
    void theTempoAndTheChatCommandSwitchSurviveARestart() throws Exception {
        ClientSettings.Server stored = new ClientSettings.Server();
        stored.port = FreePorts.udp();
        stored.metronomeBpm = 96;
        stored.metronomeBeats = 3;
        stored.chatCommands = true;
        AtomicReference<ServerPanelSettings> saved = new AtomicReference<>();

        BuiltInServer first = GuiActionRunner.execute(() -> new BuiltInServer(ServerModeSettings.read(stored),
                a -> { }, saved::set, dir.resolve("bans.txt")));
        try {
            assertThat(GuiActionRunner.execute(first::start)).isEmpty();
            var engine = first.engine();
            MetronomeSettings started = engine.metronome();
            assertThat(started.enabled()).as("never clicks by itself at start").isFalse();
            assertThat(started.bpm()).isEqualTo(96);
            assertThat(started.beatsPerBar()).isEqualTo(3);
            assertThat(engine.chatCommandsAllowed()).isTrue();

            engine.setMetronome(true, 132, 5); // JSON-RPC or a musician's /tempo, not the panel
            ServerPanelSettings kept = Await.value("the new tempo kept", () -> saved.get(),
                    s -> s != null && s.metronomeBpm() == 132 && s.metronomeBeats() == 5);
            ServerModeSettings.write(kept, stored);

            GuiActionRunner.execute(() -> first.settingsApplied(first.settings().withChatCommands(false)));
            Await.until("chat commands off", () -> !engine.chatCommandsAllowed());
            ServerModeSettings.write(saved.get(), stored);
        } finally {
            GuiActionRunner.execute(first::stop);
        }
        assertThat(stored.metronomeBpm).isEqualTo(132);
        assertThat(stored.chatCommands).isFalse();
        stored.port = FreePorts.udp(); // the first one closes its socket in the background

        BuiltInServer second = GuiActionRunner.execute(() -> new BuiltInServer(ServerModeSettings.read(stored),
                a -> { }, s -> { }, dir.resolve("bans.txt")));
        try {
            assertThat(GuiActionRunner.execute(second::start)).isEmpty();
            MetronomeSettings again = second.engine().metronome();
            assertThat(again.enabled()).isFalse();
            assertThat(again.bpm()).isEqualTo(132);
            assertThat(again.beatsPerBar()).isEqualTo(5);
            assertThat(second.engine().chatCommandsAllowed()).isFalse();
        } finally {
            GuiActionRunner.execute(second::stop);
        }
    }

    @Test
    void aBrokenTempoInTheSettingsFileStartsFromTheDefaults() {
        ClientSettings.Server stored = new ClientSettings.Server();
        stored.metronomeBpm = 3000;
        stored.metronomeBeats = 0;
        ServerPanelSettings read = ServerModeSettings.read(stored);
        assertThat(read.metronomeBpm()).isEqualTo(MetronomeSettings.DEFAULT_BPM);
        assertThat(read.metronomeBeats()).isEqualTo(MetronomeSettings.DEFAULT_BEATS_PER_BAR);
    }
}
