package org.tutti.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.engine.ClientStatus;
import org.tutti.client.model.MixerChannel;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.protocol.ChannelInfo;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/**
 * Issue #10, network faults end to end: two Tutti client engines (paced fake audio) talk to a real Tutti server
 * through {@link ImpairmentProxy} with 5 % loss (some in bursts), reordering, duplication and jitter for
 * {@code tutti.faults.seconds} (default 60 s). Reliable messages (chat, mute gains, names) must arrive exactly once
 * or converge, audio must keep flowing with the losses concealed, and afterwards no channel and no send queue is
 * left behind.
 */
class NetworkFaultsTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private static final class Peer implements ClientListener {
        final List<String> chats = new CopyOnWriteArrayList<>();
        final Map<Integer, Boolean> mutedBy = new ConcurrentHashMap<>();
        volatile List<MixerChannel> channels = List.of();
        volatile String disconnectReason;
        ClientEngine engine;

        @Override
        public void chatReceived(String html) {
            chats.add(html);
        }

        @Override
        public void clientListChanged(List<MixerChannel> list) {
            channels = list;
        }

        @Override
        public void mutedByOtherChanged(int channelId, boolean muted) {
            mutedBy.put(channelId, muted);
        }

        @Override
        public void disconnected(String reason) {
            disconnectReason = reason;
        }

        long count(String token) {
            return chats.stream().filter(c -> c.contains(token)).count();
        }
    }

    @Test
    void sessionSurvivesLossReorderAndDuplication() throws Exception {
        long seconds = Long.getLong("tutti.faults.seconds", 60);
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ImpairmentProxy proxy = new ImpairmentProxy(server.port(), Impairment.NONE, 10)) {
            Peer a = connect(proxy, "Alice");
            Peer b = connect(proxy, "Bob");
            try {
                Await.until("both see two channels", SETTLE, () -> a.channels.size() == 2 && b.channels.size() == 2);
                int idA = a.engine.status().channelId();
                int idB = b.engine.status().channelId();
                ClientStatus aBefore = a.engine.status();

                proxy.set(Impairment.HOSTILE_NETWORK);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                int round = 0;
                List<String> tokens = new ArrayList<>();
                while (System.nanoTime() < end) {
                    String ta = "a-msg-" + round + "-x";
                    String tb = "b-msg-" + round + "-x";
                    tokens.add(ta);
                    tokens.add(tb);
                    a.engine.sendChat(ta);
                    b.engine.sendChat(tb);
                    boolean mute = round % 2 == 0;
                    a.engine.mixer(m -> m.setMute(idB, mute));
                    String name = "Alice" + round;
                    a.engine.updateProfile(p -> new ChannelInfo(p.country(), p.instrument(), p.skill(), name, p.city()));
                    round++;
                    Thread.sleep(500);
                }
                ClientStatus aDuring = a.engine.status();
                proxy.set(Impairment.NONE);
                String finalName = "Alice" + (round - 1);
                boolean finalMute = (round - 1) % 2 == 0;

                // Reliable messages: every chat line exactly once at both peers; names and mutes converge.
                Await.until("all chats arrive", SETTLE, () -> tokens.stream().allMatch(t -> a.count(t) >= 1 && b.count(t) >= 1));
                for (String t : tokens) {
                    assertThat(a.count(t)).as("chat %s at Alice", t).isEqualTo(1);
                    assertThat(b.count(t)).as("chat %s at Bob", t).isEqualTo(1);
                }
                Await.until("Bob sees the last name", SETTLE, () -> b.channels.stream().anyMatch(c -> c.name().equals(finalName)));
                Await.until("the server has the last name", SETTLE, () -> server.clients().stream().anyMatch(c -> c.info().name().equals(finalName)));
                Await.until("Bob's muted-by state converges", SETTLE, () -> Boolean.valueOf(finalMute).equals(b.mutedBy.get(idA)));

                // Audio kept flowing; the losses were concealed (counted), not a stop.
                assertThat(aDuring.packetsReceived() - aBefore.packetsReceived())
                        .as("audio packets received under faults").isGreaterThan(seconds * 100);
                assertThat(aDuring.framesLost() - aBefore.framesLost()).as("concealed frames").isPositive();
                assertThat(a.disconnectReason).isNull();
                assertThat(b.disconnectReason).isNull();

                // No stuck send queue: a chat on the clean network arrives at once.
                a.engine.sendChat("after-faults-x");
                Await.until("chat after the faults", SETTLE, () -> b.count("after-faults-x") == 1);
                System.out.printf("network faults: %d s, %d rounds, to server %s; to clients %s; Alice frames lost %d"
                        + " of %d packets%n", seconds, round, proxy.toServer(), proxy.toClient(),
                        aDuring.framesLost() - aBefore.framesLost(),
                        aDuring.packetsReceived() - aBefore.packetsReceived());
            } finally {
                a.engine.close();
                b.engine.close();
            }
            // No channel leak: both channels are freed (disconnect, or time-out when the goodbye was lost).
            Await.until("server frees both channels", SETTLE, () -> server.clients().isEmpty());
        }
    }

    private static Peer connect(ImpairmentProxy proxy, String name) throws Exception {
        Peer p = new Peer();
        ClientOptions options = ClientOptions.defaults(new PacedFakeBackend(), name)
                .withProfile(new ChannelInfo(0, 0, 0, name, ""));
        p.engine = new ClientEngine(options, p);
        p.engine.connect("127.0.0.1:" + proxy.port()).get(10, TimeUnit.SECONDS);
        return p;
    }
}
