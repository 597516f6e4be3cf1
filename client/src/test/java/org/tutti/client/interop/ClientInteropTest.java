package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.backend.testing.DummyJackd;
import org.tutti.interop.JamulusServer;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.model.MixerChannel;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.testing.Await;

/**
 * Tutti's client engine with the JACK backend on a dummy jackd joins a server (the real Jamulus 3.9.1, or Tutti's
 * own), next to a real Jamulus headless client: presence and channel count on the server, chat both ways, Tutti's
 * tone in the real client's level meters and in its audio output, clean leave.
 */
class ClientInteropTest {
    @TempDir
    Path dir;

    private final BlockingQueue<String> chats = new LinkedBlockingQueue<>();
    private final AtomicReference<List<MixerChannel>> clientList = new AtomicReference<>(List.of());
    private final AtomicReference<int[]> levels = new AtomicReference<>(new int[0]);

    private final ClientListener listener = new ClientListener() {
        @Override
        public void chatReceived(String html) {
            chats.add(html);
        }

        @Override
        public void clientListChanged(List<MixerChannel> channels) {
            clientList.set(channels);
        }

        @Override
        public void levelsChanged(int[] l) {
            levels.set(l);
        }
    };

    static JsonObject clientNamed(RpcTestClient rpc, String name) {
        try {
            JsonArray clients = rpc.result("jamulusserver/getClients", new JsonObject()).getAsJsonObject()
                    .getAsJsonArray("clients");
            for (JsonElement c : clients) {
                if (name.equals(c.getAsJsonObject().get("name").getAsString())) {
                    return c.getAsJsonObject();
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @ParameterizedTest
    @EnumSource(ServerPeer.Kind.class)
    void joinsChatsAndIsHeardByARealJamulusClient(ServerPeer.Kind kind) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             ServerPeer server = kind.start(dir)) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "TuttiBot")
                    .withAudio(jack.serverName(), 128, false);
            AudioStream tone = JackTone.generator(jack.serverName(), "tone", 0.5f);
            try (ClientEngine tutti = new ClientEngine(options, listener)) {
                tutti.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);
                jack.connect("tone:output left", "TuttiBot:input left");
                jack.connect("tone:output right", "TuttiBot:input right");

                // the server lists us with our name and a mono stream (mono is the default, as in Jamulus)
                Await.until("TuttiBot on the server", Duration.ofSeconds(15),
                        () -> clientNamed(server.rpc(), "TuttiBot") != null);
                assertThat(clientNamed(server.rpc(), "TuttiBot").get("channels").getAsInt()).isEqualTo(1);
                Await.until("server audio and version", Duration.ofSeconds(10),
                        () -> tutti.status().packetsReceived() > 100 && !tutti.status().serverVersion().isEmpty());
                assertThat(tutti.status().serverVersion()).startsWith("3.9.1");
                assertThat(tutti.status().inputPeakLeft()).as("our input meter sees the tone").isGreaterThan(0.4f);
                // the server's mix contains our own tone (fading in over 3 s)
                Await.until("our tone back from the server", Duration.ofSeconds(10), () -> tutti.status().outputPeak() > 0.1f);
                Await.until("a ping reply", Duration.ofSeconds(5), () -> tutti.status().pingMs() >= 0);

                try (JamulusClient real = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "real")) {
                    real.rpc().result("jamulusclient/setName", Json.object("name", "RealBot"));
                    Await.until("RealBot in Tutti's mixer", Duration.ofSeconds(15),
                            () -> clientList.get().stream().anyMatch(c -> "RealBot".equals(c.name())));

                    // chat: real → Tutti (the real client chats only once it calls itself connected)
                    real.awaitConnected(Duration.ofSeconds(15));
                    real.rpc().result("jamulusclient/sendChatText", Json.object("chatText", "hello from jamulus"));
                    assertThat(pollChat("hello from jamulus")).contains("RealBot");
                    // chat: Tutti → real (HTML-escaped by the server)
                    tutti.sendChat("hello from tutti <3");
                    JsonObject got = real.rpc().awaitNotification("jamulusclient/chatTextReceived",
                            p -> p.get("chatText").getAsString().contains("hello from tutti &lt;3"),
                            Duration.ofSeconds(10));
                    assertThat(got.get("chatText").getAsString()).contains("TuttiBot");
                    // a long chat (more than one 550-byte split part once split support is on) arrives whole
                    String longText = "long:" + "0123456789".repeat(130);
                    tutti.sendChat(longText);
                    assertThat(real.rpc().awaitNotification("jamulusclient/chatTextReceived",
                            p -> p.get("chatText").getAsString().contains(longText), Duration.ofSeconds(10)))
                            .as("a 1305-character chat from Tutti at the real client").isNotNull();

                    // levels: TuttiBot's position in the real client's list, then its meter
                    JsonArray list = real.rpc().result("jamulusclient/getClientList", new JsonObject())
                            .getAsJsonObject().getAsJsonArray("clients");
                    int index = -1;
                    for (int i = 0; i < list.size(); i++) {
                        if ("TuttiBot".equals(list.get(i).getAsJsonObject().get("name").getAsString())) {
                            index = i;
                        }
                    }
                    assertThat(index).as("TuttiBot in the real client's list").isGreaterThanOrEqualTo(0);
                    int at = index;
                    assertThat(real.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                            p -> p.getAsJsonArray("channelLevelList").size() > at
                                    && p.getAsJsonArray("channelLevelList").get(at).getAsInt() >= 5,
                            Duration.ofSeconds(15)))
                            .as("TuttiBot's tone in the real client's level list").isNotNull();

                    // the real client's audio output carries the tone (it plays the server's mix)
                    try (JackTone.PeakMeter meter = JackTone.meter(jack.serverName(), "meter")) {
                        jack.connect(real.outputPorts().get(0), "meter:input left");
                        Await.until("tone in the real client's output", Duration.ofSeconds(15), () -> meter.peak() > 0.1f);
                    }
                    assertThat(levels.get()).isNotEmpty();
                }

                tutti.disconnect().get(5, TimeUnit.SECONDS);
                Await.until("TuttiBot gone from the server", Duration.ofSeconds(10),
                        () -> clientNamed(server.rpc(), "TuttiBot") == null);
            } finally {
                tone.close();
            }
        }
    }

    /** 64 frames → OPUS64, 256 → OPUS with two frames per packet: the real server must decode and answer both. */
    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void everyJackPeriodStreamsBothWaysWithARealServer(int period) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJackd jackd = DummyJackd.start(period);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "PeriodBot")
                    .withAudio(jackd.name(), 128, false);
            AudioStream tone = JackTone.generator(jackd.name(), "tone" + period, 0.5f);
            try (ClientEngine tutti = new ClientEngine(options, listener)) {
                tutti.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);
                jackd.run("jack_connect", "tone" + period + ":output left", "PeriodBot:input left");
                assertThat(tutti.status().bufferFrames()).isEqualTo(period);
                Await.until("PeriodBot on the server", Duration.ofSeconds(15),
                        () -> clientNamed(server.rpc(), "PeriodBot") != null);
                Await.until("our tone back from the server", Duration.ofSeconds(10),
                        () -> tutti.status().outputPeak() > 0.1f);
                // mono, normal quality: (22 + 1 + 77) bytes × 750/s, and (2 × (45 + 1) + 77) bytes × 187.5/s
                assertThat(tutti.status().uploadKbps()).isEqualTo(period == 64 ? 600 : 253);
            } finally {
                tone.close();
            }
        }
    }

    private String pollChat(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String c = chats.poll(200, TimeUnit.MILLISECONDS);
            if (c != null && c.contains(text)) {
                return c;
            }
        }
        throw new AssertionError("chat '" + text + "' did not arrive");
    }
}
