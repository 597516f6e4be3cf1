package org.tutti.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.FreePorts;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * Kick and ban through JSON-RPC with real Jamulus 3.9.1 headless clients, which after CLM_DISCONNECTION report
 * themselves disconnected but keep streaming: a kicked client stays out, a banned address gets no channel from a new
 * process either until unbanned, and bans survive a restart through {@code --banfile}.
 */
class KickBanTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration CONNECT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private HeadlessServer start(Secrets secrets, int udpPort, Path banFile) throws Exception {
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", Integer.toString(udpPort), "-u", "4",
                "--banfile", banFile.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return HeadlessServer.start(ServerOptions.toConfig(options),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), quiet, options);
    }

    private static int connections(RpcTestClient rpc) {
        return rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject().get("connections").getAsInt();
    }

    private static int onlyClientId(RpcTestClient rpc) {
        JsonObject clients = Await.value("one client connected", CONNECT,
                () -> rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject(),
                c -> c.get("connections").getAsInt() == 1);
        return clients.getAsJsonArray("clients").get(0).getAsJsonObject().get("id").getAsInt();
    }

    private static long counter(RpcTestClient rpc, String name) {
        return rpc.result("jamulusserver/getCounters", Json.object()).getAsJsonObject().get(name).getAsLong();
    }

    private static JsonObject id(int id) {
        JsonObject p = new JsonObject();
        p.addProperty("id", id);
        return p;
    }

    private static int errorCode(JsonObject reply) {
        return reply.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void kickedJamulusClientIsToldAndStaysOutWhileItKeepsStreaming() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Secrets secrets = Secrets.create(dir);
        try (HeadlessServer server = start(secrets, 0, dir.resolve("bans.txt"));
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT);
             DummyJack jack = DummyJack.start(dir);
             JamulusClient jamulus = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "kicked")) {
            int id = onlyClientId(rpc);
            assertThat(errorCode(rpc.call("jamulusserver/kickClient", id(id + 1)))).isEqualTo(-32602);
            assertThat(errorCode(rpc.call("jamulusserver/kickClient", Json.object("id", "one")))).isEqualTo(-32602);
            assertThat(errorCode(rpc.call("jamulusserver/kickClient", Json.object()))).isEqualTo(-32602);

            assertThat(rpc.result("jamulusserver/kickClient", id(id)).getAsString()).isEqualTo("ok");
            jamulus.rpc().awaitNotification("jamulusclient/disconnected", p -> true, WAIT);
            rpc.awaitNotification("jamulusserver/clientDisconnected", p -> p.get("id").getAsInt() == id, WAIT);
            Await.until("the kicked client is gone from getClients", WAIT, () -> connections(rpc) == 0);

            long ignoredBefore = counter(rpc, "kickedDatagramsDropped");
            assertThat(Await.holdsWithin(Duration.ofSeconds(10), () -> connections(rpc) != 0))
                    .as("the kicked client came back").isFalse();
            long ignored = counter(rpc, "kickedDatagramsDropped") - ignoredBefore;
            assertThat(ignored).as("datagrams the kicked client kept sending in 10 s, ignored").isGreaterThan(1000);
            assertThat(rpc.result("jamulusserver/getBans", Json.object()).getAsJsonObject().getAsJsonArray("bans"))
                    .isEmpty();
            System.out.printf("Kicked Jamulus client: %d datagrams ignored in 10 s after the kick%n", ignored);
        }
    }

    @Test
    void bannedAddressGetsNoChannelUntilUnbannedAndBansSurviveARestart() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Secrets secrets = Secrets.create(dir);
        Path banFile = dir.resolve("bans.txt");
        int udpPort = FreePorts.udp(); // the same port after the restart, where the second client keeps streaming
        JamulusClient second = null;
        Instant[] until = new Instant[1];
        try (DummyJack jack = DummyJack.start(dir)) {
            try {
                try (HeadlessServer server = start(secrets, udpPort, banFile);
                     RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT);
                     JamulusClient first = JamulusClient.start(dir, jack, "127.0.0.1:" + udpPort, "banned")) {
                    int id = onlyClientId(rpc);
                    JsonObject badMinutes = id(id);
                    badMinutes.addProperty("minutes", -5);
                    assertThat(errorCode(rpc.call("jamulusserver/banClient", badMinutes))).isEqualTo(-32602);
                    assertThat(errorCode(rpc.call("jamulusserver/banClient", id(id + 1)))).isEqualTo(-32602);

                    JsonObject ban = rpc.result("jamulusserver/banClient", id(id)).getAsJsonObject();
                    assertThat(ban.get("address").getAsString()).isEqualTo("127.0.0.1");
                    assertThat(ban.get("until").isJsonNull()).isTrue();
                    first.rpc().awaitNotification("jamulusclient/disconnected", p -> true, WAIT);
                    Await.until("the banned client is gone", WAIT, () -> connections(rpc) == 0);
                    Await.until("the ban file holds the ban", WAIT, () -> read(banFile).contains("127.0.0.1 forever"));
                    JsonArray bans = rpc.result("jamulusserver/getBans", Json.object()).getAsJsonObject().getAsJsonArray("bans");
                    assertThat(bans).hasSize(1);
                    assertThat(bans.get(0).getAsJsonObject().get("address").getAsString()).isEqualTo("127.0.0.1");

                    // A new process on a new port from the banned address: it streams, and gets nothing.
                    long refusedBefore = counter(rpc, "bannedDatagramsDropped");
                    second = JamulusClient.start(dir, jack, "127.0.0.1:" + udpPort, "newport");
                    Await.until("the new process streams at the server", CONNECT,
                            () -> counter(rpc, "bannedDatagramsDropped") > refusedBefore + 500);
                    assertThat(Await.holdsWithin(Duration.ofSeconds(2), () -> connections(rpc) != 0)).isFalse();

                    assertThat(errorCode(rpc.call("jamulusserver/unban", Json.object("address", "not an ip")))).isEqualTo(-32602);
                    assertThat(errorCode(rpc.call("jamulusserver/unban", Json.object("address", "10.1.2.3")))).isEqualTo(-32602);
                    assertThat(rpc.result("jamulusserver/unban", Json.object("address", "127.0.0.1")).getAsString())
                            .isEqualTo("ok");
                    int secondId = onlyClientId(rpc); // the new process; the kicked one stays out for its minute
                    Await.until("the ban file is empty again", WAIT, () -> !read(banFile).contains("127.0.0.1"));

                    JsonObject timed = id(secondId);
                    timed.addProperty("minutes", 60);
                    JsonObject timedBan = rpc.result("jamulusserver/banClient", timed).getAsJsonObject();
                    until[0] = Instant.parse(timedBan.get("until").getAsString());
                    assertThat(until[0]).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
                    Await.until("the banned client is gone", WAIT, () -> connections(rpc) == 0);
                    Await.until("the ban file holds the ban", WAIT, () -> read(banFile).contains("127.0.0.1 " + until[0]));
                }
                // An ended ban and a corrupt line, as a hand edit might leave them.
                Files.writeString(banFile, read(banFile) + "10.9.8.7 2020-01-01T00:00:00Z\nthis is not a ban\n");
                try (HeadlessServer server = start(secrets, udpPort, banFile);
                     RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT)) {
                    JsonArray bans = rpc.result("jamulusserver/getBans", Json.object()).getAsJsonObject()
                            .getAsJsonArray("bans");
                    assertThat(bans).hasSize(1); // the ended ban is gone, the corrupt line skipped
                    assertThat(bans.get(0).getAsJsonObject().get("address").getAsString()).isEqualTo("127.0.0.1");
                    assertThat(bans.get(0).getAsJsonObject().get("until").getAsString()).isEqualTo(until[0].toString());
                    // The second client still streams to this port; after the restart only the ban keeps it out.
                    boolean streams = Await.holdsWithin(CONNECT, () -> counter(rpc, "bannedDatagramsDropped") > 500);
                    assertThat(streams).as("the banned client streams at the restarted server; counters %s; log %s",
                            rpc.result("jamulusserver/getCounters", Json.object()), secondLog(second)).isTrue();
                    assertThat(connections(rpc)).isZero();
                    assertThat(counter(rpc, "kickedDatagramsDropped")).isZero();
                }
            } finally {
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    private static String secondLog(JamulusClient client) {
        return client == null ? "" : client.process().logText();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
