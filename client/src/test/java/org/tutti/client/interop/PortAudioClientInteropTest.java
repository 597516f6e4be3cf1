package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.backend.portaudio.PortAudioBackendProvider;
import org.tutti.cli.JamulusOptions;
import org.tutti.client.cli.HeadlessClient;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * The headless client started with {@code --audiobackend portaudio --audiodevice system}: PortAudio's JACK host API
 * on a dummy jackd carries a tone into the real Jamulus 3.9.1 server, where a real Jamulus client's level meter
 * shows it, and the server's mix flows back.
 */
class PortAudioClientInteropTest {
    @TempDir
    Path dir;

    static void requirePortAudio() {
        String why = new PortAudioBackendProvider().unavailableReason();
        if (why.contains("library not found")) {
            if (Peers.isCi()) {
                fail(why + ", and CI=true forbids skipping");
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void portAudioOnJackJoinsARealJamulusServerAndIsHeard() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 20)) {
            PortAudioBackendProvider.useJackServer(jack.serverName());
            requirePortAudio();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true);
            String address = "127.0.0.1:" + server.udpPort();
            AudioStream tone = JackTone.generator(jack.serverName(), "tone", 0.5f);
            try (HeadlessClient tutti = HeadlessClient.start(JamulusOptions.parse("-n", "-i",
                    dir.resolve("none.json").toString(), "-c", address, "--clientname", "PaBot",
                    "--audiobackend", "portaudio", "--audiodevice", "system"), out, out)) {
                assertThat(console.toString()).contains("- audio: portaudio");
                // PortAudio's JACK ports are named in_0/in_1 and out_0/out_1 after the client name
                jack.connect("tone:output left", "PaBot:in_0");
                jack.connect("tone:output right", "PaBot:in_1");

                Await.until("PaBot on the server", Duration.ofSeconds(15),
                        () -> ClientInteropTest.clientNamed(server.rpc(), "PaBot") != null);
                Await.until("the server's mix coming back", Duration.ofSeconds(10),
                        () -> tutti.engine().status().packetsReceived() > 100);

                try (JamulusClient real = JamulusClient.start(dir, jack, address, "real")) {
                    Await.until("PaBot in the real client's list", Duration.ofSeconds(15),
                            () -> indexOf(real, "PaBot") >= 0);
                    int at = indexOf(real, "PaBot");
                    // awaitNotification returns null on timeout, so the result must be checked
                    assertThat(real.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                            p -> p.getAsJsonArray("channelLevelList").get(at).getAsInt() >= 5, Duration.ofSeconds(15)))
                            .as("PaBot's level in the real client's meters").isNotNull();
                }
            } finally {
                tone.close();
            }
            Await.until("PaBot gone from the server", Duration.ofSeconds(10),
                    () -> ClientInteropTest.clientNamed(server.rpc(), "PaBot") == null);
        }
    }

    // -1 until the real client is connected and lists the name
    private static int indexOf(JamulusClient real, String name) {
        JsonArray list;
        try {
            list = real.rpc().result("jamulusclient/getClientList", new JsonObject()).getAsJsonObject()
                    .getAsJsonArray("clients");
        } catch (IllegalStateException e) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(list.get(i).getAsJsonObject().get("name").getAsString())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theCommandLineRejectsAnUnknownBackendAndExplainsAnUnavailableOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true);
        String ini = dir.resolve("none.json").toString();
        assertThat(HeadlessClient.run(JamulusOptions.parse("-n", "-i", ini, "--audiobackend", "asio4all"), ps, ps))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown audio backend 'asio4all'", "portaudio");
        err.reset();
        assertThat(HeadlessClient.run(JamulusOptions.parse("-n", "-i", ini, "--audiobackend", "portaudio",
                "--audiodevice", "no such card 9"), ps, ps)).isEqualTo(1);
        assertThat(err.toString()).contains("audio backend 'portaudio' is not available");
        assertThat(err.toString()).containsAnyOf("no such card 9", "library not found");
    }
}
