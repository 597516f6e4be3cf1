package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.LobbyText;
import org.tutti.testing.Await;

/**
 * Hostile input at the password lobby: 10,000 guesses from 100 UDP ports (raw protocol clients that connect, ACK
 * and send CHAT_TEXT) admit nobody, and a musician admitted before keeps receiving its mix. The delivery rates
 * before and during the flood are printed for docs/reliability.md; they are figures, not assertions.
 */
class LobbyFloodTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final int GUESSERS = 100;
    private static final int GUESSES_EACH = 100;
    private static final Duration NOTE = Duration.ofSeconds(10);

    @Test
    void tenThousandGuessesFromAHundredPortsAdmitNobodyAndTheMixKeepsFlowing() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, GUESSERS + 10), null, List.of(),
                PASSWORD);
             AudioTestClient alice = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Alice")) {
            Await.until("Alice greeted by the lobby", NOTE,
                    () -> alice.control().chatLog.stream().anyMatch(LobbyText::isWelcome));
            alice.control().send(new ChatText(PASSWORD));
            Await.until("Alice admitted", NOTE, () -> alice.control().chatLog.contains(LobbyText.ADMITTED));
            Thread.sleep(500); // her mix runs steadily
            double before = packetsPerSecond(alice, 3000);

            List<ScriptedClient> guessers = new ArrayList<>();
            try {
                for (int g = 0; g < GUESSERS; g++) {
                    ScriptedClient c = new ScriptedClient(engine.port());
                    guessers.add(c);
                    c.sendSilentAudio(46); // opens a channel, in the lobby
                    assertThat(c.await(ConnectedMessage.ClientId.class, NOTE)).as("guesser " + g + " connected")
                            .isNotNull();
                }
                long startNs = System.nanoTime();
                int packetsAtStart = alice.control().audioPackets();
                for (int round = 0; round < GUESSES_EACH; round++) {
                    for (int g = 0; g < GUESSERS; g++) {
                        // The last round is the right password: too late, every port shares a locked address.
                        String guess = round == GUESSES_EACH - 1 ? PASSWORD : "guess " + round + "/" + g;
                        guessers.get(g).send(new ChatText(guess));
                    }
                    Thread.sleep(30);
                }
                Await.until("every guess handled", NOTE, () -> {
                    EngineCounters.Snapshot s = engine.counters().snapshot();
                    return s.lobbyGuessesWrong() + s.lobbyChatDropped() == (long) GUESSERS * GUESSES_EACH;
                });
                double floodSeconds = (System.nanoTime() - startNs) / 1e9;
                double during = (alice.control().audioPackets() - packetsAtStart) / floodSeconds;

                EngineCounters.Snapshot s = engine.counters().snapshot();
                assertThat(s.lobbyAdmissions()).as("admitted: Alice only").isEqualTo(1);
                assertThat(engine.clients()).filteredOn(c -> !c.lobby()).extracting(ClientSnapshot::id)
                        .containsExactly(alice.channelId);
                assertThat(engine.clients()).filteredOn(ClientSnapshot::lobby).hasSize(GUESSERS);
                assertThat(s.lobbyLockouts()).isEqualTo(1);
                assertThat(during).as("Alice's mix kept arriving during the flood").isPositive();
                assertThat(alice.control().chatLog).noneMatch(t -> t.contains("guess"));
                System.out.printf("Lobby flood: %d guesses from %d ports in %.1f s; admitted musician received"
                                + " %.0f packets/s before, %.0f during; wrong %d, lockouts %d, dropped %d,"
                                + " missed deadlines %d, max tick %.2f ms%n",
                        GUESSERS * GUESSES_EACH, GUESSERS, floodSeconds, before, during, s.lobbyGuessesWrong(),
                        s.lobbyLockouts(), s.lobbyChatDropped(), s.missedDeadlines(), s.maxTickNanos() / 1e6);
            } finally {
                guessers.forEach(ScriptedClient::close);
            }
        }
    }

    private static double packetsPerSecond(AudioTestClient client, long ms) throws InterruptedException {
        int start = client.control().audioPackets();
        long t0 = System.nanoTime();
        Thread.sleep(ms);
        return (client.control().audioPackets() - start) / ((System.nanoTime() - t0) / 1e9);
    }
}
