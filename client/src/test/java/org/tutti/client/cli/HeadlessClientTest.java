package org.tutti.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.client.model.MixerChannel;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.testing.Await;

/**
 * The headless client as started from the command line ({@code -n -c … --clientname … --mutemyown -j --jsonrpcport
 * …}) on a dummy jackd, against the real Jamulus 3.9.1 server and a real Jamulus client, driven through its JSON-RPC.
 */
class HeadlessClientTest {
    @TempDir
    Path dir;

    static boolean lists(JsonElement result, String name) {
        JsonArray clients = result.getAsJsonObject().getAsJsonArray("clients");
        for (JsonElement c : clients) {
            if (name.equals(c.getAsJsonObject().get("name").getAsString())) {
                return true;
            }
        }
        return false;
    }

    static JsonObject entryFor(JsonElement result, String name) {
        for (JsonElement c : result.getAsJsonObject().getAsJsonArray("clients")) {
            if (name.equals(c.getAsJsonObject().get("name").getAsString())) {
                return c.getAsJsonObject();
            }
        }
        return null;
    }

    @Test
    void joinsARealServerAndSpeaksJamulusJsonRpc() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 20)) {
            Path settings = dir.resolve("settings.json");
            Files.writeString(settings, "{\"audio\": {\"backend\": \"jack\", \"device\": \"" + jack.serverName()
                    + "\"}, \"profile\": {\"city\": \"Köln\", \"country\": 82}}");
            Secrets secrets = Secrets.create(dir);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true);
            HeadlessClient client = HeadlessClient.start(JamulusOptions.parse("-n", "-i", settings.toString(),
                    "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Headless", "--mutemyown", "-j",
                    "--jsonrpcport", "0", "--jsonrpcsecretfile", secrets.file().toString()), out, out);
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(client.rpcPort(), secrets.secret(),
                    Duration.ofSeconds(5))) {
                assertThat(rpc.result("jamulus/getMode", Json.object()).getAsJsonObject().get("mode").getAsString())
                        .isEqualTo("client");
                JsonObject info = rpc.result("jamulusclient/getChannelInfo", Json.object()).getAsJsonObject();
                assertThat(info.get("name").getAsString()).isEqualTo("Headless");
                assertThat(info.get("city").getAsString()).isEqualTo("Köln");
                assertThat(info.get("countryId").getAsInt()).isEqualTo(82);
                Await.until("connected", () -> rpc.result("jamulusclient/getClientInfo", Json.object())
                        .getAsJsonObject().get("connected").getAsBoolean());
                Await.until("Headless on the real server",
                        () -> lists(server.rpc().result("jamulusserver/getClients", Json.object()), "Headless"));

                // --mutemyown: our gain for ourselves is 0, so the server reports us as muted by ourselves
                Await.until("muted by own gain", () -> client.engine().channels().join().stream()
                        .anyMatch(MixerChannel::mutedByOther));

                try (JamulusClient real = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "real")) {
                    real.rpc().result("jamulusclient/setName", Json.object("name", "RealBot"));
                    JsonObject list = rpc.awaitNotification("jamulusclient/clientListReceived",
                            p -> lists(p, "RealBot"), Duration.ofSeconds(15));
                    assertThat(list).isNotNull();
                    assertThat(lists(rpc.result("jamulusclient/getClientList", Json.object()), "RealBot")).isTrue();
                    // same shapes as the real client's answers
                    Await.until("the real client sees Headless", () -> {
                        try {
                            return lists(real.rpc().result("jamulusclient/getClientList", Json.object()), "Headless");
                        } catch (IllegalStateException notConnectedYet) { // Jamulus answers an error until connected
                            return false;
                        }
                    });
                    assertThat(entryFor(rpc.result("jamulusclient/getClientList", Json.object()), "RealBot"))
                            .isEqualTo(entryFor(real.rpc().result("jamulusclient/getClientList", Json.object()),
                                    "RealBot"));
                    assertThat(rpc.result("jamulusclient/getChannelInfo", Json.object()).getAsJsonObject().keySet())
                            .isEqualTo(real.rpc().result("jamulusclient/getChannelInfo", Json.object())
                                    .getAsJsonObject().keySet());

                    real.rpc().result("jamulusclient/sendChatText", Json.object("chatText", "to the headless"));
                    assertThat(rpc.awaitNotification("jamulusclient/chatTextReceived",
                            p -> p.get("chatText").getAsString().contains("to the headless"), Duration.ofSeconds(10)))
                            .isNotNull();
                    rpc.result("jamulusclient/sendChatText", Json.object("chatText", "from the headless"));
                    assertThat(real.rpc().awaitNotification("jamulusclient/chatTextReceived",
                            p -> p.get("chatText").getAsString().contains("from the headless"),
                            Duration.ofSeconds(10))).isNotNull();

                    assertThat(rpc.awaitNotification("jamulusclient/channelLevelListReceived",
                            p -> p.getAsJsonArray("channelLevelList").size() == 2, Duration.ofSeconds(10))).isNotNull();

                    rpc.result("jamulusclient/setName", Json.object("name", "Renamed"));
                    Await.until("the new name on the server",
                            () -> lists(server.rpc().result("jamulusserver/getClients", Json.object()), "Renamed"));
                }
            } finally {
                client.close();
            }
            Await.until("gone from the server",
                    () -> !lists(server.rpc().result("jamulusserver/getClients", Json.object()), "Renamed"));
            assertThat(console.toString()).contains("connected, channel", "musicians:");
        }
    }

    /** Several inputs as separate channels from the settings file alone (docs/client-settings.md, split.*). */
    @Test
    void aSplitInTheSettingsFileJoinsAsSeveralChannels() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 20)) {
            Path settings = dir.resolve("settings.json");
            Files.writeString(settings, "{\"audio\": {\"backend\": \"jack\", \"device\": \"" + jack.serverName()
                    + "\"}, \"split\": {\"channels\": 3, \"extra\": [{\"name\": \"Drums\", \"input\": 3},"
                    + " {\"input\": 4, \"secondInput\": 5}]}}");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true);
            HeadlessClient client = HeadlessClient.start(JamulusOptions.parse("-n", "-i", settings.toString(),
                    "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Split"), out, out);
            try {
                Await.until("three channels on the real server", () -> {
                    JsonElement clients = server.rpc().result("jamulusserver/getClients", Json.object());
                    return lists(clients, "Split") && lists(clients, "Drums") && lists(clients, "Split 3");
                });
                JsonElement clients = server.rpc().result("jamulusserver/getClients", Json.object());
                assertThat(entryFor(clients, "Drums").get("channels").getAsInt()).isEqualTo(1);
                assertThat(entryFor(clients, "Split 3").get("channels").getAsInt()).as("a stereo pair").isEqualTo(2);
                assertThat(jack.describePorts()).contains("input 5");
            } finally {
                client.close();
            }
            Await.until("all gone from the server", () -> {
                JsonElement clients = server.rpc().result("jamulusserver/getClients", Json.object());
                return clients.getAsJsonObject().getAsJsonArray("clients").isEmpty();
            });
        }
    }

    @Test
    void badCommandLinesEndWithAClearMessage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true);
        Path settings = dir.resolve("s.json");
        Files.writeString(settings, "{\"audio\": {\"backend\": \"fake\"}}");
        int code = HeadlessClient.run(JamulusOptions.parse("-n", "-i", settings.toString(), "--jsonrpcport", "1"),
                ps, ps);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--jsonrpcsecretfile");
    }
}
