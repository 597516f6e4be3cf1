package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.LobbyText;
import org.tutti.testing.Await;

/**
 * The password lobby with scripted clients streaming real Opus: a newcomer is greeted, not heard, not listed and
 * not sent anyone's chat until it types the password; wrong guesses lock its address out without touching a
 * musician already admitted from the same address.
 */
class LobbyTest {
    private static final String PASSWORD = "open sesame";
    private static final int AMPLITUDE = 8000;
    private static final Duration NOTE = Duration.ofSeconds(5);

    private static ServerEngine start() throws Exception {
        ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 8), null, List.of(), PASSWORD);
        engine.setWelcomeMessage("Hello band");
        return engine;
    }

    /** The next chat line {@code client} receives that {@code accepted} takes (others are skipped), or null. */
    private static String chat(AudioTestClient client, Predicate<String> accepted) {
        long deadline = System.nanoTime() + NOTE.toNanos();
        while (System.nanoTime() < deadline) {
            ChatText line = client.control().await(ChatText.class, Duration.ofNanos(deadline - System.nanoTime()));
            if (line != null && accepted.test(line.text())) {
                return line.text();
            }
        }
        return null;
    }

    /** Joins through the lobby with the password; returns the channel ID. */
    private static int admitted(AudioTestClient client) {
        assertThat(chat(client, LobbyText::isWelcome)).as("lobby welcome").isNotNull();
        client.control().send(new ChatText("  " + PASSWORD + " \n"));
        assertThat(chat(client, t -> true)).isEqualTo(LobbyText.ADMITTED);
        assertThat(chat(client, t -> true)).contains("Hello band");
        return client.channelId;
    }

    /** The client list the server answers {@code client} now. */
    private static List<Integer> listedIds(AudioTestClient client) {
        client.control().send(new ConnectedMessage.ReqConnClientsList());
        ConnectedMessage.ConnClientsList list = client.control().await(ConnectedMessage.ConnClientsList.class, NOTE);
        assertThat(list).as("client list answer").isNotNull();
        return list.clients().stream().map(ClientListEntry::channelId).toList();
    }

    private static ClientSnapshot snapshot(ServerEngine engine, int id) {
        return engine.clients().stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    /** Measures until {@code client} hears at least {@code atLeast} (at most 15 s); the loudest window. */
    private static int loudest(AudioTestClient client, int atLeast) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        int best = client.measureLoudest(300, 1)[0];
        while (best < atLeast && System.nanoTime() < deadline) {
            best = Math.max(best, client.measure(300)[0]);
        }
        return best;
    }

    @Test
    void newcomerIsNotHeardListedOrToldAnythingUntilItTypesThePassword() throws Exception {
        try (ServerEngine engine = start();
             AudioTestClient alice = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Alice")) {
            int aliceId = admitted(alice);
            int aliceLinesBefore = alice.control().chatLog.size(); // her own lobby lines
            try (AudioTestClient bob = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Bob")) {
                bob.play(AMPLITUDE, false);
                assertThat(chat(bob, LobbyText::isWelcome)).isEqualTo(LobbyText.WELCOME);
                Await.until("Bob identified in the lobby", NOTE, () -> {
                    ClientSnapshot s = snapshot(engine, bob.channelId);
                    return s != null && s.lobby() && s.info().name().equals("Bob");
                });
                alice.control().clear();
                assertThat(listedIds(alice)).containsExactly(aliceId);
                assertThat(listedIds(bob)).as("the lobby sees itself alone").containsExactly(bob.channelId);
                try (ScriptedClient stranger = new ScriptedClient(engine.port())) { // a Connection Setup dialog
                    stranger.sendClm(new ConnectionlessMessage.PingMsWithNumClients(7, 0));
                    assertThat(stranger.await(ConnectionlessMessage.PingMsWithNumClients.class, NOTE))
                            .isEqualTo(new ConnectionlessMessage.PingMsWithNumClients(7, 1));
                    stranger.sendClm(new ConnectionlessMessage.ReqConnClientsList());
                    assertThat(stranger.await(ConnectionlessMessage.ConnClientsList.class, NOTE).clients())
                            .extracting(ClientListEntry::channelId).containsExactly(aliceId);
                }
                assertThat(alice.measureLoudest(300, 4)[0]).as("Alice hears Bob's tone from the lobby").isLessThan(200);
                assertThat(bob.measureLoudest(300, 2)[0]).as("the lobby's mix is silent").isLessThan(200);

                bob.control().send(new ChatText("swordfish"));
                assertThat(chat(bob, t -> true)).startsWith(LobbyText.WRONG_PREFIX);
                alice.control().send(new ChatText("anyone there?"));
                assertThat(chat(alice, t -> t.contains("anyone there?"))).as("Alice's own echo").isNotNull();
                bob.control().send(new ChatText(PASSWORD));
                assertThat(chat(bob, t -> true)).as("no echo, no one else's chat").isEqualTo(LobbyText.ADMITTED);
                assertThat(chat(bob, t -> true)).contains("Hello band");

                Await.until("Bob listed to Alice", NOTE, () -> listedIds(alice).contains(bob.channelId));
                assertThat(loudest(alice, AMPLITUDE / 2)).as("Alice hears Bob once admitted")
                        .isGreaterThan(AMPLITUDE / 2);
                List<String> aliceChat = alice.control().chatLog;
                assertThat(aliceChat.subList(aliceLinesBefore, aliceChat.size())).noneMatch(t -> t.contains("swordfish") || t.contains(PASSWORD)
                        || t.contains("<b>Wrong") || t.contains("<b>Welcome in"));
                EngineCounters.Snapshot counters = engine.counters().snapshot();
                assertThat(counters.lobbyGuessesWrong()).isEqualTo(1);
                assertThat(counters.lobbyAdmissions()).isEqualTo(2);
                assertThat(snapshot(engine, bob.channelId).lobby()).isFalse();
            }
        }
    }

    @Test
    void fiveWrongGuessesLockTheAddressOutButNotTheMusiciansAlreadyIn() throws Exception {
        try (ServerEngine engine = start();
             AudioTestClient alice = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Alice")) {
            admitted(alice);
            try (AudioTestClient carol = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Carol")) {
                assertThat(chat(carol, LobbyText::isWelcome)).isNotNull();
                for (int i = 1; i <= 4; i++) {
                    carol.control().send(new ChatText("guess " + i));
                    assertThat(chat(carol, t -> true)).startsWith(LobbyText.WRONG_PREFIX);
                }
                carol.control().send(new ChatText("guess 5"));
                assertThat(chat(carol, t -> true)).startsWith(LobbyText.LOCKED_PREFIX);
                carol.control().send(new ChatText(PASSWORD)); // too late: ignored
                Await.until("the locked-out line is counted", NOTE,
                        () -> engine.counters().snapshot().lobbyChatDropped() == 1);
                assertThat(snapshot(engine, carol.channelId).lobby()).isTrue();

                // A new connection from the locked address lands in the lobby and cannot guess.
                try (AudioTestClient dave = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Dave")) {
                    assertThat(chat(dave, LobbyText::isWelcome)).isNotNull();
                    dave.control().send(new ChatText(PASSWORD));
                    assertThat(chat(dave, t -> true)).startsWith(LobbyText.LOCKED_PREFIX);
                    assertThat(snapshot(engine, dave.channelId).lobby()).isTrue();

                    // Alice, admitted from the same address, chats and is heard as before.
                    alice.control().send(new ChatText("still here"));
                    assertThat(chat(alice, t -> t.contains("still here"))).isNotNull();

                    assertThat(engine.kick(dave.channelId)).as("kick works in the lobby").isTrue();
                    assertThat(engine.admit(carol.channelId)).as("the admin admits Carol").isTrue();
                    assertThat(engine.admit(carol.channelId)).as("Carol is no longer waiting").isFalse();
                    assertThat(chat(carol, t -> true)).isEqualTo(LobbyText.ADMITTED);
                    Await.until("Carol listed to Alice", NOTE, () -> listedIds(alice).contains(carol.channelId));
                }
                EngineCounters.Snapshot counters = engine.counters().snapshot();
                assertThat(counters.lobbyGuessesWrong()).isEqualTo(5);
                assertThat(counters.lobbyLockouts()).isEqualTo(1);
                assertThat(counters.lobbyChatDropped()).isEqualTo(2);
            }
        }
    }

    @Test
    void clearingThePasswordAdmitsEveryoneWaitingAndAdmittedOnesStayInAcrossChanges() throws Exception {
        try (ServerEngine engine = start();
             AudioTestClient alice = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Alice")) {
            int aliceId = admitted(alice);
            engine.setPassword("another one");
            try (AudioTestClient bob = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Bob")) {
                assertThat(chat(bob, LobbyText::isWelcome)).isNotNull();
                assertThat(snapshot(engine, aliceId).lobby()).isFalse();
                assertThat(engine.hasPassword()).isTrue();
                engine.setPassword(null);
                assertThat(chat(bob, t -> true)).isEqualTo(LobbyText.ADMITTED);
                assertThat(engine.hasPassword()).isFalse();
                Await.until("Bob listed to Alice", NOTE, () -> listedIds(alice).contains(bob.channelId));
            }
            try (AudioTestClient carol = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Carol")) {
                assertThat(chat(carol, t -> true)).as("no lobby without a password").contains("Hello band");
                assertThat(snapshot(engine, carol.channelId).lobby()).isFalse();
            }
        }
    }
}
