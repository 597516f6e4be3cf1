package org.tutti.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.server.engine.EngineCounters;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.testing.Await;

/**
 * Network faults with the real Jamulus 3.9.1 headless client (on a dummy jackd) behind {@link ImpairmentProxy}
 * and the Tutti server: under {@link Impairment#HOSTILE_NETWORK} for {@code tutti.faults.seconds} (default 30 s)
 * chat goes both ways exactly once, the renamed client's name converges at the server, audio keeps arriving, and
 * the channel is freed when the client leaves.
 */
class JamulusClientFaultsTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Test
    void realJamulusClientSurvivesLossReorderAndDuplication(@TempDir Path dir) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        long seconds = Long.getLong("tutti.faults.seconds", 30);
        List<String> serverChats = new CopyOnWriteArrayList<>();
        ServerEvents events = new ServerEvents() {
            @Override
            public void chatSent(int senderId, String html) {
                serverChats.add(html);
            }
        };
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 4), events);
             ImpairmentProxy proxy = new ImpairmentProxy(server.port(), Impairment.NONE, 11);
             DummyJack jack = DummyJack.start(dir)) {
            JamulusClient jamulus = JamulusClient.start(dir, jack, "127.0.0.1:" + proxy.port(), "faults");
            try {
                RpcTestClient rpc = jamulus.rpc();
                rpc.result("jamulusclient/setName", Json.object("name", "Real"));
                Await.until("connected", SETTLE, () -> server.clients().stream().anyMatch(c -> c.info().name().equals("Real")));
                // The real client calls itself connected only once the server's audio streams back.
                Await.until("the Jamulus client reports itself connected", SETTLE, () -> !rpc.call("jamulusclient/sendChatText", Json.object("chatText", "hello")).has("error"));
                EngineCounters.Snapshot before = server.counters().snapshot();

                proxy.set(Impairment.HOSTILE_NETWORK);
                List<String> toClient = new ArrayList<>();
                List<String> toServer = new ArrayList<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                int round = 0;
                int refused = 0;
                while (System.nanoTime() < end) {
                    String down = "down-" + round + "-x";
                    String up = "up-" + round + "-x";
                    toClient.add(down);
                    server.broadcastChat(down);
                    // Counted only when the client accepted it (it refuses while it thinks it is not connected).
                    if (!rpc.call("jamulusclient/sendChatText", Json.object("chatText", up)).has("error")) {
                        toServer.add(up);
                    } else {
                        refused++;
                    }
                    rpc.result("jamulusclient/setName", Json.object("name", "Real" + round));
                    round++;
                    Thread.sleep(500);
                }
                EngineCounters.Snapshot during = server.counters().snapshot();
                proxy.set(Impairment.NONE);
                String finalName = "Real" + (round - 1);

                Await.until("client chats reach the server", SETTLE, () -> toServer.stream().allMatch(t -> count(serverChats, t) >= 1));
                Await.until("server chats reach Jamulus", SETTLE, () -> toClient.stream().allMatch(t -> countNotifications(rpc, t) >= 1));
                for (String t : toServer) {
                    assertThat(count(serverChats, t)).as("chat %s at the server", t).isEqualTo(1);
                }
                for (String t : toClient) {
                    assertThat(countNotifications(rpc, t)).as("chat %s at the Jamulus client", t).isEqualTo(1);
                }
                Await.until("name", SETTLE, () -> server.clients().stream().anyMatch(c -> c.info().name().equals(finalName)));
                assertThat(during.audioPacketsIn() - before.audioPacketsIn()).as("audio from the Jamulus client")
                        .isGreaterThan(seconds * 100);
                assertThat(server.clients()).hasSize(1);
                assertThat(refused).as("chats the client refused as 'not connected'").isLessThan(round / 10 + 1);
                System.out.printf("Jamulus client faults: %d s, %d rounds; to server %s; to client %s;"
                                + " server jitter underruns %d, audio packets in %d, chats refused %d%n", seconds, round,
                        proxy.toServer(), proxy.toClient(), during.jitterUnderruns() - before.jitterUnderruns(),
                        during.audioPacketsIn() - before.audioPacketsIn(), refused);
            } finally {
                jamulus.close();
            }
            Await.until("channel freed after the client left", SETTLE, () -> server.clients().isEmpty());
        }
    }

    private static long count(List<String> lines, String token) {
        return lines.stream().filter(l -> l.contains(token)).count();
    }

    /** How many chatTextReceived notifications so far contain {@code token} (the predicate sees each once). */
    private static long countNotifications(RpcTestClient rpc, String token) {
        long[] n = {0};
        rpc.awaitNotification("jamulusclient/chatTextReceived", p -> {
            if (p.get("chatText").getAsString().contains(token)) {
                n[0]++;
            }
            return false;
        }, Duration.ofMillis(1));
        return n[0];
    }
}
