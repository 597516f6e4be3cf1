package org.tutti.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.interop.ToneSource;
import org.tutti.protocol.LobbyText;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * The password lobby with real Jamulus 3.9.1 headless clients, which know nothing about it: the password is typed in
 * the chat ({@code jamulusclient/sendChatText}). A client without it is not listed to the others and its tone does
 * not move their level meters; it is admitted within 3 s of sending the password; no lobby line reaches the others;
 * five wrong lines lock the address out while the musicians admitted from that same address play on.
 */
class LobbyJamulusTest {
    private static final String PASSWORD = "blue in green";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final String CHAT = "jamulusclient/chatTextReceived";

    @TempDir
    Path dir;

    private HeadlessServer start(Secrets secrets) throws Exception {
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "  " + PASSWORD + "  \nsecond line is ignored\n");
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "6", "-w", "Hello band",
                "--passwordfile", passwordFile.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return HeadlessServer.start(ServerOptions.toConfig(options),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), quiet, options);
    }

    private static JsonObject chatLine(JamulusClient client, java.util.function.Predicate<String> accepted,
                                       Duration limit) {
        return client.rpc().awaitNotification(CHAT, p -> accepted.test(p.get("chatText").getAsString()), limit);
    }

    private static void say(JamulusClient client, String text) {
        client.rpc().result("jamulusclient/sendChatText", Json.object("chatText", text));
    }

    /** The server's getClients entry named {@code name}, once there. */
    private static JsonObject serverEntry(RpcTestClient rpc, String name) {
        return Await.value(name + " in getClients", CONNECT, () -> {
            for (JsonElement c : rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject()
                    .getAsJsonArray("clients")) {
                if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
                    return c.getAsJsonObject();
                }
            }
            return null;
        }, c -> c != null);
    }

    private static List<String> clientListNames(JamulusClient client) {
        List<String> names = new ArrayList<>();
        JsonObject reply = client.rpc().call("jamulusclient/getClientList", Json.object());
        if (reply.has("result")) {
            for (JsonElement c : reply.getAsJsonObject("result").getAsJsonArray("clients")) {
                names.add(c.getAsJsonObject().get("name").getAsString());
            }
        }
        return names;
    }

    private static int maxLevel(JsonObject params) {
        int max = 0;
        for (JsonElement l : params.getAsJsonArray("channelLevelList")) {
            max = Math.max(max, l.getAsInt());
        }
        return max;
    }

    private static long counter(RpcTestClient rpc, String name) {
        return rpc.result("jamulusserver/getCounters", Json.object()).getAsJsonObject().get(name).getAsLong();
    }

    /**
     * Starts a Jamulus client, names it, and waits until the server lists it in the lobby and it is connected. (Its
     * greeting may come before the test's JSON-RPC connection is authenticated, so it is not awaited here; the
     * engine's LobbyTest checks it.)
     */
    private static JamulusClient inLobby(Path dir, DummyJack jack, HeadlessServer server, RpcTestClient rpc,
                                         String name) {
        JamulusClient client = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), name.toLowerCase());
        client.rpc().result("jamulusclient/setName", Json.object("name", name));
        assertThat(serverEntry(rpc, name).get("lobby").getAsBoolean()).as(name + " in the lobby").isTrue();
        client.awaitConnected(CONNECT); // the silent mix streams back, so Jamulus calls itself connected
        return client;
    }

    @Test
    void realJamulusClientWaitsUnheardAndUnlistedUntilItTypesThePassword() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS);
        Secrets secrets = Secrets.create(dir);
        try (HeadlessServer server = start(secrets);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT);
             DummyJack jack = DummyJack.start(dir);
             JamulusClient alice = inLobby(dir, jack, server, rpc, "Alice")) {
            say(alice, PASSWORD);
            assertThat(chatLine(alice, LobbyText::isAdmitted, Duration.ofSeconds(3))).as("Alice admitted").isNotNull();
            assertThat(chatLine(alice, t -> t.contains("Hello band"), WAIT)).as("then the server's welcome").isNotNull();
            assertThat(serverEntry(rpc, "Alice").get("lobby").getAsBoolean()).isFalse();
            alice.rpc().clearNotifications(); // from here on nothing from the lobby may reach her

            try (JamulusClient bob = inLobby(dir, jack, server, rpc, "Bob");
                 ToneSource tone = ToneSource.start(jack, "tone", dir)) {
                tone.connectTo(bob.inputPorts());
                alice.rpc().clearNotifications();
                // Bob plays; for 3 s Alice neither lists him nor sees a level move.
                boolean leaked = Await.holdsWithin(Duration.ofSeconds(3), () -> clientListNames(alice).contains("Bob")
                        || alice.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                                p -> maxLevel(p) > 0, Duration.ZERO) != null);
                assertThat(leaked).as("Bob listed to Alice, or a level moved at Alice").isFalse();
                assertThat(alice.rpc().awaitNotification("jamulusclient/channelLevelListReceived", p -> true,
                        Duration.ZERO)).as("Alice did get level lists meanwhile").isNotNull();
                assertThat(clientListNames(alice)).containsExactly("Alice");

                say(bob, "swordfish");
                assertThat(chatLine(bob, LobbyText::isWrongPassword, WAIT)).as("wrong password answer").isNotNull();
                say(bob, PASSWORD);
                long sentNs = System.nanoTime();
                assertThat(chatLine(bob, LobbyText::isAdmitted, Duration.ofSeconds(3))).as("Bob admitted within 3 s")
                        .isNotNull();
                System.out.printf("Lobby: a real Jamulus client admitted %.0f ms after sending the password%n",
                        (System.nanoTime() - sentNs) / 1e6);
                Await.until("Bob listed to Alice", CONNECT, () -> clientListNames(alice).contains("Bob"));
                assertThat(alice.rpc().awaitNotification("jamulusclient/channelLevelListReceived",
                        p -> maxLevel(p) >= 4, Duration.ofSeconds(10))).as("Alice's meters show Bob's tone").isNotNull();
                assertThat(bob.rpc().awaitNotification(CHAT, p -> p.get("chatText").getAsString().contains("swordfish")
                        || p.get("chatText").getAsString().contains(PASSWORD), Duration.ZERO))
                        .as("lobby lines echoed back to Bob").isNull();

                // Carol from the same address guesses: with Bob's "swordfish" that is the address's fifth wrong
                // line of the minute, which locks 127.0.0.1 out; Alice and Bob, admitted from it, are not.
                try (JamulusClient carol = inLobby(dir, jack, server, rpc, "Carol")) {
                    for (int i = 1; i <= 3; i++) {
                        say(carol, "guess " + i);
                        String left = (4 - i) + " tr"; // "3 tries" … "1 try" left this minute
                        assertThat(chatLine(carol, t -> LobbyText.isWrongPassword(t) && t.contains(left),
                                WAIT)).as("answer " + i).isNotNull();
                    }
                    say(carol, "guess 4");
                    assertThat(chatLine(carol, LobbyText::isLockedOut, WAIT)).as("locked out").isNotNull();
                    assertThat(counter(rpc, "lobbyGuessesWrong")).isEqualTo(5);
                    say(carol, PASSWORD);
                    Await.until("the password from a locked address is ignored", WAIT,
                            () -> counter(rpc, "lobbyChatDropped") == 1);
                    assertThat(serverEntry(rpc, "Carol").get("lobby").getAsBoolean()).isTrue();
                    assertThat(counter(rpc, "lobbyLockouts")).isEqualTo(1);

                    say(alice, "still playing");
                    assertThat(chatLine(bob, t -> t.contains("still playing"), WAIT)).as("Alice's chat at Bob")
                            .isNotNull();
                    assertThat(clientListNames(alice)).containsExactlyInAnyOrder("Alice", "Bob");

                    JsonObject notWaiting = new JsonObject();
                    notWaiting.addProperty("id", serverEntry(rpc, "Alice").get("id").getAsInt());
                    assertThat(rpc.call("jamulusserver/admitClient", notWaiting).getAsJsonObject("error")
                            .get("code").getAsInt()).isEqualTo(-32602);
                    JsonObject carolId = new JsonObject();
                    carolId.addProperty("id", serverEntry(rpc, "Carol").get("id").getAsInt());
                    assertThat(rpc.result("jamulusserver/admitClient", carolId).getAsString()).isEqualTo("ok");
                    assertThat(chatLine(carol, LobbyText::isAdmitted, WAIT)).as("Carol admitted by the admin")
                            .isNotNull();
                    Await.until("Carol listed to Alice", CONNECT, () -> clientListNames(alice).contains("Carol"));
                }
            }
            // Nothing typed in the lobby, and no lobby line, ever reached Alice.
            JsonObject leak = alice.rpc().awaitNotification(CHAT, p -> {
                String t = p.get("chatText").getAsString();
                return t.contains("swordfish") || t.contains("guess") || t.contains(PASSWORD)
                        || LobbyText.isWelcome(t) || LobbyText.isWrongPassword(t) || LobbyText.isLockedOut(t)
                        || LobbyText.isAdmitted(t);
            }, Duration.ZERO);
            assertThat(leak).as("a lobby line at Alice").isNull();
        }
    }

    @Test
    void unreadableOrEmptyPasswordFileStopsTheServerWithAClearMessage() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "   \n");
        for (Path file : List.of(empty, dir.resolve("missing.txt"))) {
            ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "--passwordfile", file.toString());
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int exit = HeadlessServer.run(options, new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(err, true));
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("password file").contains(file.toString());
        }
    }
}
