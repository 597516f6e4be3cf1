package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JackRecorder;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.interop.ToneSource;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * The server metronome with two real Jamulus 3.9.1 headless clients: both list the channel "Metronome" (ID 10 on a
 * {@code -u 10} server), the one whose fader for it is up plays clicks 60/bpm × 48000 samples apart (as recorded
 * from its JACK output, up to the blocks its jitter buffer drops or repeats), and the one that stored the "Metronome" fader at 0 in an earlier session (its ini
 * file) sends CHANNEL_GAIN 0 for the new channel on its own and plays no clicks at all. A {@code /tempo} typed in
 * a real client's chat sets the tempo ({@code --chatcommands}).
 */
class MetronomeInteropTest {
    private static final Duration CONNECT = Duration.ofSeconds(20);
    /** Clicks leave the server at 11,000–16,000; the client's Opus decode and jitter buffer keep them far above this. */
    private static final int CLICK_THRESHOLD = 3000;

    @TempDir
    Path dir;

    @Test
    void realClientsListTheMetronomeAndMixItWithTheirOwnFader() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS, Peers.JACK_REC);
        Secrets secrets = Secrets.create(dir);
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "10", "--metronome", "120/4",
                "--chatcommands");
        // A user who pulled the "Metronome" fader to 0 last time: Jamulus restores faders by channel name.
        Map<String, String> faderDown = Map.of("storedfadertag0_base64",
                Base64.getEncoder().encodeToString("Metronome".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "storedfaderlevel0", "0");
        try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), new PrintStream(OutputStream.nullOutputStream()),
                options);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5));
             DummyJack jackA = DummyJack.start(dir);
             DummyJack jackB = DummyJack.start(dir);
             JamulusClient alice = JamulusClient.start(dir, jackA, "127.0.0.1:" + server.udpPort(), "alice");
             JamulusClient bob = JamulusClient.startWindowed(dir, jackB, "127.0.0.1:" + server.udpPort(), "bob",
                     faderDown)) {
            JsonObject metronome = rpc.result("jamulusserver/getMetronome", Json.object()).getAsJsonObject();
            assertThat(metronome.get("enabled").getAsBoolean()).isTrue();
            assertThat(metronome.get("bpm").getAsInt()).isEqualTo(120);
            assertThat(metronome.get("channelId").getAsInt()).isEqualTo(10);
            alice.rpc().result("jamulusclient/setName", Json.object("name", "Alice"));
            bob.rpc().result("jamulusclient/setName", Json.object("name", "Bob"));

            List<String> listed = List.of("Alice", "Bob", "Metronome@10");
            assertThat(awaitClientList(alice.rpc(), listed)).isEqualTo(listed);
            assertThat(awaitClientList(bob.rpc(), listed)).isEqualTo(listed);
            alice.awaitConnected(CONNECT);
            bob.awaitConnected(CONNECT);
            Thread.sleep(3500); // the server's 3 s fade-in of each new listener

            short[] atAlice = JackRecorder.record(jackA, alice.outputPorts().getFirst(), Duration.ofSeconds(8), dir);
            List<Integer> clicks = onsets(atAlice);
            System.out.printf("Metronome at a Jamulus 3.9.1 client: %d clicks in 8 s, intervals %s%n",
                    clicks.size(), intervals(clicks));
            assertThat(clicks.size()).as("clicks in 8 s at 120 bpm").isBetween(14, 17);
            // The server places every click exactly (MetronomeTest, MetronomeEngineTest measure that at the server);
            // a real client's jitter buffer then drops or repeats blocks while it settles on a busy machine, which
            // moves a click by up to a few blocks (seen: 23,360 … 24,000, some not whole blocks when a drop cut into
            // a click's attack). So each interval is 24,000 samples within 8 blocks of 128, and a stretch with no
            // correction shows exactly 24,000.
            List<Integer> gaps = intervals(clicks);
            assertThat(gaps).as("intervals: 60 / 120 × 48000 within the client's block corrections")
                    .allSatisfy(gap -> assertThat(gap).isBetween(24_000 - 8 * 128, 24_000 + 8 * 128));
            assertThat(gaps).as("an uncorrected interval of exactly 60 / 120 × 48000")
                    .anySatisfy(gap -> assertThat(gap).isBetween(23_999, 24_001));

            short[] atBob = JackRecorder.record(jackB, bob.outputPorts().getFirst(), Duration.ofSeconds(4), dir);
            assertThat(JackRecorder.peak(atBob)).as("Bob's output with his Metronome fader at 0").isLessThan(300);
            // Still listed and still clicking for Alice: Bob's fader acted on Bob's mix only.
            assertThat(onsets(JackRecorder.record(jackA, alice.outputPorts().getFirst(), Duration.ofSeconds(3), dir)))
                    .hasSizeGreaterThanOrEqualTo(5);

            // Bob's output is alive: a tone Alice plays comes out of it.
            try (ToneSource tone = ToneSource.start(jackA, "tone", dir)) {
                tone.connectTo(alice.inputPorts());
                Await.until("Alice's tone at Bob", CONNECT, () -> JackRecorder.peak(jackB,
                        bob.outputPorts().getFirst(), Duration.ofSeconds(1), dir) > 1000);
            }

            // A musician sets the tempo from a real client's chat; everyone is told who did it.
            alice.rpc().result("jamulusclient/sendChatText", Json.object("chatText", "/tempo 90"));
            assertThat(bob.rpc().awaitNotification("jamulusclient/chatTextReceived",
                    p -> p.get("chatText").getAsString().contains("Alice set 90 bpm, 4 beats per bar"), CONNECT))
                    .as("Bob told of Alice's /tempo").isNotNull();
            assertThat(rpc.result("jamulusserver/getMetronome", Json.object()).getAsJsonObject().get("bpm").getAsInt())
                    .isEqualTo(90);

            // Switched off through JSON-RPC, it leaves the clients' lists.
            JsonObject off = new JsonObject();
            off.addProperty("enabled", false);
            rpc.result("jamulusserver/setMetronome", off);
            assertThat(awaitClientList(alice.rpc(), List.of("Alice", "Bob"))).containsExactly("Alice", "Bob");
        }
    }

    /** The client's own list as "name" (or "name@id" for the metronome), once it is {@code expected}. */
    private static List<String> awaitClientList(RpcTestClient rpc, List<String> expected) {
        JsonObject reply = Await.value(expected + " in the client's list", CONNECT,
                () -> rpc.call("jamulusclient/getClientList", Json.object()),
                r -> r.has("result") && entries(r).equals(expected));
        return entries(reply);
    }

    private static List<String> entries(JsonObject reply) {
        List<String> out = new ArrayList<>();
        JsonArray clients = reply.getAsJsonObject("result").getAsJsonArray("clients");
        for (JsonElement e : clients) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            out.add(name.equals("Metronome") ? name + "@" + c.get("id").getAsInt() : name);
        }
        return out;
    }

    /** Where clicks start: the first sample at or above the threshold after 2,400 quiet samples. */
    private static List<Integer> onsets(short[] pcm) {
        List<Integer> found = new ArrayList<>();
        int quiet = 2400;
        for (int i = 0; i < pcm.length; i++) {
            if (Math.abs(pcm[i]) >= CLICK_THRESHOLD) {
                if (quiet >= 2400) {
                    found.add(i);
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return found;
    }

    private static List<Integer> intervals(List<Integer> onsets) {
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < onsets.size(); i++) {
            gaps.add(onsets.get(i) - onsets.get(i - 1));
        }
        return gaps;
    }
}
