package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.model.MixerChannel;

/**
 * Tutti's client engine with the JACK backend on a dummy jackd joins a real Jamulus 3.9.1 server, next to a real
 * Jamulus headless client: presence and channel count on the server, chat both ways, Tutti's tone in the real
 * client's level meters and in its audio output.
 */
class TuttiClientVsJamulusServerIT {
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

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static JsonObject clientNamed(JsonObject getClientsResponse, String name) {
        JsonArray clients = getClientsResponse.getAsJsonObject("result").getAsJsonArray("clients");
        for (JsonElement c : clients) {
            if (name.equals(c.getAsJsonObject().get("name").getAsString())) {
                return c.getAsJsonObject();
            }
        }
        return null;
    }

    static JsonObject serverClient(JamulusProcess server, String name) {
        try {
            return clientNamed(server.rpc().call("jamulusserver/getClients", Map.of()), name);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void joinsChatsAndIsHeardByARealJamulusClient() throws Exception {
        JamulusProcess.assumeInstalled();
        try (DummyJackd jackd = DummyJackd.start(128);
             JamulusProcess server = JamulusProcess.server()) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "TuttiBot")
                    .withAudio(jackd.name(), 128, false);
            AudioStream tone = JackTone.generator(jackd, "tone", 0.5f);
            try (ClientEngine tutti = new ClientEngine(options, listener)) {
                tutti.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);
                jackd.run("jack_connect", "tone:output left", "TuttiBot:input left");
                jackd.run("jack_connect", "tone:output right", "TuttiBot:input right");

                // the real server lists us with our name and a stereo stream (mono-in/stereo-out)
                await("TuttiBot on the server", Duration.ofSeconds(15), () -> serverClient(server, "TuttiBot") != null);
                assertThat(serverClient(server, "TuttiBot").get("channels").getAsInt()).isEqualTo(2);
                await("server audio and version", Duration.ofSeconds(10),
                        () -> tutti.status().packetsReceived() > 100 && !tutti.status().serverVersion().isEmpty());
                assertThat(tutti.status().serverVersion()).isEqualTo("3.9.1");
                await("a ping reply", Duration.ofSeconds(5), () -> tutti.status().pingMs() >= 0);

                try (JamulusProcess real = JamulusProcess.client(jackd, server.udpPort(), "RealBot")) {
                    try {
                        await("RealBot in Tutti's mixer", Duration.ofSeconds(15),
                                () -> clientList.get().stream().anyMatch(c -> "RealBot".equals(c.name())));
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "; Tutti's list: " + clientList.get().stream()
                                .map(MixerChannel::name).toList() + "; server: "
                                + server.rpc().call("jamulusserver/getClients", Map.of()) + "; real client log: "
                                + real.log(), e);
                    }

                    // chat: real → Tutti
                    real.rpc().call("jamulusclient/sendChatText", Map.of("chatText", "hello from jamulus"));
                    String fromReal = pollChat("hello from jamulus");
                    assertThat(fromReal).contains("RealBot");
                    // chat: Tutti → real
                    tutti.sendChat("hello from tutti <3");
                    JsonObject got = real.rpc().awaitNotification("jamulusclient/chatTextReceived",
                            p -> p.get("chatText").getAsString().contains("hello from tutti &lt;3"),
                            Duration.ofSeconds(10));
                    assertThat(got).as("Tutti's chat at the real client").isNotNull();
                    assertThat(got.get("chatText").getAsString()).contains("TuttiBot");

                    // levels: find TuttiBot's position in the real client's list, then its meter
                    JsonArray list = real.rpc().call("jamulusclient/getClientList", Map.of())
                            .getAsJsonObject("result").getAsJsonArray("clients");
                    int index = -1;
                    for (int i = 0; i < list.size(); i++) {
                        if ("TuttiBot".equals(list.get(i).getAsJsonObject().get("name").getAsString())) {
                            index = i;
                        }
                    }
                    assertThat(index).as("TuttiBot in the real client's list").isGreaterThanOrEqualTo(0);
                    int at = index;
                    JsonObject lv = real.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                            p -> p.getAsJsonArray("channelLevelList").get(at).getAsInt() >= 5, Duration.ofSeconds(15));
                    assertThat(lv).as("Tutti's tone in the real client's level meters").isNotNull();

                    // audio output of the real client carries the tone (it hears the server's mix)
                    JackTone.PeakMeter meter = JackTone.meter(jackd, "meter");
                    try {
                        jackd.run("jack_connect", "Jamulus RealBot:output left", "meter:input left");
                        await("tone in the real client's output", Duration.ofSeconds(15), () -> meter.peak() > 0.1f);
                    } finally {
                        meter.stream().close();
                    }
                    // and Tutti's own meters see itself
                    assertThat(levels.get()).isNotEmpty();
                }

                tutti.disconnect().get(5, TimeUnit.SECONDS);
                await("TuttiBot gone from the server", Duration.ofSeconds(10),
                        () -> serverClient(server, "TuttiBot") == null);
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
