package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JackRecorder;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.ToneSource;
import org.tutti.testing.Await;

/**
 * Two real headless Jamulus 3.9.1 clients, each on its own dummy jackd, jam on a server. The same test runs against
 * the real Jamulus server (proving the test honest) and against Tutti (proving Tutti indistinguishable).
 */
class ServerInteropTest {
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration NOTE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BeforeEach
    void needsRealPeers() {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS, Peers.JACK_REC);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerUnderTest.Kind.class)
    void twoRealClientsJamTogether(ServerUnderTest.Kind kind) {
        try (ServerUnderTest server = kind.start(dir, 10);
             DummyJack jackA = DummyJack.start(dir);
             DummyJack jackB = DummyJack.start(dir)) {
            String address = "127.0.0.1:" + server.udpPort();
            JamulusClient alice = JamulusClient.start(dir, jackA, address, "alice");
            JamulusClient bob = JamulusClient.start(dir, jackB, address, "bob");
            try (ToneSource tone = ToneSource.start(jackA, "tone", dir)) {
                alice.rpc().result("jamulusclient/setName", Json.object("name", "Alice"));
                bob.rpc().result("jamulusclient/setName", Json.object("name", "Bob"));

                // Both names reach the server and both clients' mixer boards.
                awaitServerNames(server.rpc(), List.of("Alice", "Bob"));
                assertThat(awaitClientListNames(alice.rpc(), 2)).containsExactlyInAnyOrder("Alice", "Bob");
                assertThat(awaitClientListNames(bob.rpc(), 2)).containsExactlyInAnyOrder("Alice", "Bob");
                if (server.tuttiClients() != null) {
                    // Tutti's version text made the 3.9.1 clients switch on sequence numbers (they parse it as >= 3.6.0).
                    assertThat(server.tuttiClients()).allSatisfy(c -> assertThat(c.props().withSequenceNumber())
                            .as("client " + c.info().name() + " uses sequence numbers").isTrue());
                }

                // Chat from Alice reaches Bob in Jamulus's format, HTML-escaped.
                alice.rpc().result("jamulusclient/sendChatText", Json.object("chatText", "hi <x> & ü"));
                JsonObject chat = bob.rpc().awaitNotification("jamulusclient/chatTextReceived",
                        p -> p.get("chatText").getAsString().contains("hi &lt;x&gt; &amp; ü"), NOTE);
                assertThat(chat).as("chat at Bob").isNotNull();
                assertThat(chat.get("chatText").getAsString())
                        .matches("<font color=\"[a-z]+\">\\(\\d\\d:\\d\\d:\\d\\d [AP]M\\) <b>Alice</b></font> hi &lt;x&gt; &amp; ü");

                // A tone into Alice's input shows in Bob's level meters and comes out of Bob's speakers.
                tone.connectTo(alice.inputPorts());
                bob.rpc().clearNotifications();
                JsonObject levels = bob.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                        p -> maxLevel(p.getAsJsonArray("channelLevelList")) >= 4, NOTE);
                assertThat(levels).as("non-zero levels at Bob while Alice plays a tone").isNotNull();
                int peak = JackRecorder.peak(jackB, bob.outputPorts().getFirst(), Duration.ofSeconds(2), dir);
                assertThat(peak).as("peak of Bob's output while Alice plays (full scale 32768)").isGreaterThan(1000);
            } finally {
                bob.close();
                awaitServerNames(server.rpc(), List.of("Alice"));
                alice.close();
                awaitServerNames(server.rpc(), List.of());
            }
        }
    }

    /** Waits until the server's getClients lists exactly these names (any order); at most 30 s (the timeout). */
    private static void awaitServerNames(RpcTestClient rpc, List<String> expected) {
        Await.value("names " + expected + " in jamulusserver/getClients", Duration.ofSeconds(30),
                () -> names(rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject().getAsJsonArray("clients")),
                names -> names.size() == expected.size() && names.containsAll(expected));
    }

    /** Waits until the client's own client list has {@code count} named entries, and returns the names. */
    private static List<String> awaitClientListNames(RpcTestClient rpc, int count) {
        JsonObject reply = Await.value(count + " named entries in the client's list", CONNECT,
                () -> rpc.call("jamulusclient/getClientList", Json.object()), r -> r.has("result")
                        && namedEntries(r) == count);
        return names(reply.getAsJsonObject("result").getAsJsonArray("clients"));
    }

    private static long namedEntries(JsonObject reply) {
        List<String> names = names(reply.getAsJsonObject("result").getAsJsonArray("clients"));
        return names.contains("") ? -1 : names.size();
    }

    private static List<String> names(JsonArray clients) {
        List<String> names = new ArrayList<>();
        for (JsonElement c : clients) {
            names.add(c.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private static int maxLevel(JsonArray levels) {
        int max = 0;
        for (JsonElement l : levels) {
            max = Math.max(max, l.getAsInt());
        }
        return max;
    }

}
