package org.tutti.client.settings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;

/**
 * Fuzzes the client settings file with arbitrary bytes in a real file. Properties: loading never throws, every
 * string and collection the UI and engine dereference is non-null, and what was loaded saves and reloads without a
 * problem.
 */
class SettingsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void settingsFile(byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("tutti-settingsfuzz");
        SettingsStore store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
        try {
            Files.write(store.file(), content);
            ClientSettings s = store.load().settings();
            assertUsable(s);
            store.save(s);
            SettingsStore.Loaded again = store.load();
            assertThat(again.problem()).isNull();
            assertUsable(again.settings());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Regression (found by this fuzz test): a JSON null for an audio string reached EngineFactory as null. */
    @Test
    void nullAudioStringsAreRepaired(@TempDir Path dir) throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
        Files.writeString(store.file(),
                "{\"audio\":{\"backend\":null,\"device\":null,\"quality\":null,\"channels\":null}}");
        ClientSettings s = store.load().settings();
        assertUsable(s);
        assertThat(s.audio.quality).isEqualTo("NORMAL");
        assertThat(s.audio.channels).isEqualTo("MONO");
    }

    private static void assertUsable(ClientSettings s) {
        assertThat(s.profile).isNotNull();
        assertThat(s.profile.name).isNotNull();
        assertThat(s.profile.city).isNotNull();
        assertThat(s.audio).isNotNull();
        assertThat(s.audio.backend).isNotNull();
        assertThat(s.audio.device).isNotNull();
        assertThat(s.audio.quality).isNotNull();
        assertThat(s.audio.channels).isNotNull();
        assertThat(s.network).isNotNull();
        assertThat(s.network.customDirectories).isNotNull().doesNotContainNull();
        assertThat(s.network.recentServers).isNotNull().doesNotContainNull();
        assertThat(s.window).isNotNull();
        assertThat(s.faders).isNotNull().doesNotContainValue(null);
    }
}
