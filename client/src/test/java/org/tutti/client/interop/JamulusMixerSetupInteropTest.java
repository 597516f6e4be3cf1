package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.settings.MixerSetupFile;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * The real Jamulus 3.9.1 client reads stored fader settings from its ini file and writes them back when it quits;
 * Tutti's "Load Mixer Channels Setup…" reads the file Jamulus wrote.
 */
class JamulusMixerSetupInteropTest {
    @TempDir
    Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFadersARealJamulusClientSaved() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Map<String, String> ini = new LinkedHashMap<>();
        strip(ini, 0, "Chloé", 42, 10, false, true, 2);
        strip(ini, 1, "Bob", 77, 100, true, false, -1);
        Path file = dir.resolve("jamulus-client-SetupBot.ini");
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            JamulusClient client = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "SetupBot", ini);
            String ours = Files.readString(file);
            client.close(); // SIGTERM: Jamulus saves its settings as it quits
            Await.until("Jamulus rewrote its ini", () -> {
                try {
                    return !Files.readString(file).equals(ours);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        }
        String written = Files.readString(file);
        assertThat(written).contains("storedfaderlevel0").doesNotContain("DOCTYPE"); // Jamulus's own writing
        Map<String, FaderSettings> faders = MixerSetupFile.read(file).faders();
        assertThat(faders).containsEntry("Chloé", new FaderSettings(42, 10, true, false, 3))
                .containsEntry("Bob", new FaderSettings(77, 100, false, true, 0));
    }

    private static void strip(Map<String, String> ini, int i, String name, int level, int pan, boolean solo,
                              boolean mute, int group) {
        ini.put("storedfadertag" + i + "_base64", b64(name));
        ini.put("storedfaderlevel" + i, Integer.toString(level));
        ini.put("storedpanvalue" + i, Integer.toString(pan));
        ini.put("storedfaderissolo" + i, solo ? "1" : "0");
        ini.put("storedfaderismute" + i, mute ? "1" : "0");
        ini.put("storedgroupid" + i, Integer.toString(group));
    }
}
