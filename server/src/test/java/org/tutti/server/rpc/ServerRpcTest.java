package org.tutti.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ScriptedClientAccess;
import org.tutti.server.engine.ServerConfig;
import org.tutti.testing.Await;

/** The server's JSON-RPC methods and notifications have Jamulus's shapes (protocol doc §9.3, §9.5). */
class ServerRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void methodsAndNotifications() throws Exception {
        Secrets secrets = Secrets.create(dir);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), quiet);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT);
             ScriptedClientAccess client = new ScriptedClientAccess(server.udpPort())) {
            assertThat(rpc.result("jamulus/getMode", Json.object())).isEqualTo(Json.object("mode", "server"));
            assertThat(rpc.result("jamulus/getVersion", Json.object()).getAsJsonObject().get("version").getAsString())
                    .startsWith("3.9.1");

            int id = client.connect();
            JsonObject connected = rpc.awaitNotification("jamulusserver/clientConnected", p -> true, WAIT);
            assertThat(connected.get("id").getAsInt()).isEqualTo(id);
            assertThat(connected.get("address").getAsString()).isEqualTo("127.0.0.1");
            client.send(new ConnectedMessage.ChannelInfos(new ChannelInfo(82, 10, 3, "Alice", "Berlin")));
            JsonObject clients = Await.value("Alice's profile in getClients",
                    () -> rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject(),
                    c -> c.toString().contains("\"Alice\""));
            assertThat(clients.get("connections").getAsInt()).isEqualTo(1);
            JsonObject alice = clients.getAsJsonArray("clients").get(0).getAsJsonObject();
            assertThat(alice.keySet()).contains("id", "address", "name", "jitterBufferSize", "channels",
                    "instrumentCode", "city", "countryName", "skillLevelCode");
            assertThat(alice.get("name").getAsString()).isEqualTo("Alice");
            assertThat(alice.get("address").getAsString()).startsWith("127.0.0.1:");
            assertThat(alice.get("instrumentCode").getAsInt()).isEqualTo(10);
            assertThat(alice.get("countryName").getAsString()).isEqualTo("Germany");

            rpc.result("jamulusserver/setServerName", Json.object("serverName", "Renamed"));
            rpc.result("jamulusserver/setWelcomeMessage", Json.object("welcomeMessage", "hello"));
            JsonObject profile = rpc.result("jamulusserver/getServerProfile", Json.object()).getAsJsonObject();
            assertThat(profile.get("name").getAsString()).isEqualTo("Renamed");
            assertThat(profile.get("welcomeMessage").getAsString()).isEqualTo("hello");
            assertThat(profile.get("registrationStatus").getAsString()).isEqualTo("not_registered");
            assertThat(profile.get("portMapping").getAsString()).as("--portmapping not given").isEqualTo("off");
            assertThat(profile.get("externalAddress").getAsString()).isEmpty();
            assertThat(rpc.call("jamulusserver/setDirectory", Json.object("directoryType", "custom")).has("error")).isTrue();
            JsonObject directory = Json.object("directoryType", "custom");
            directory.addProperty("directoryAddress", "dir.example:22124");
            rpc.result("jamulusserver/setDirectory", directory);
            assertThat(rpc.result("jamulusserver/getServerProfile", Json.object()).getAsJsonObject()
                    .get("directoryAddress").getAsString()).isEqualTo("dir.example:22124");
            assertThat(rpc.result("jamulusserver/getRecorderStatus", Json.object()).getAsJsonObject()
                    .get("initialised").getAsBoolean()).isFalse();
            assertThat(rpc.result("jamulusserver/startRecording", Json.object()).getAsString()).isEqualTo("acknowledged");

            rpc.result("jamulusserver/broadcastChatMessage", Json.object("chatMessage", "<i>all</i>"));
            assertThat(client.await(ConnectedMessage.ChatText.class, WAIT)).isEqualTo(new ConnectedMessage.ChatText("<i>all</i>"));
            assertThat(rpc.awaitNotification("jamulusserver/chatMessageReceived",
                    p -> p.get("chatMessage").getAsString().equals("<i>all</i>"), WAIT).get("id").getAsInt()).isEqualTo(-1);
            JsonObject priv = Json.object("chatMessage", "just you");
            priv.addProperty("id", id);
            rpc.result("jamulusserver/privateChatMessage", priv);
            assertThat(client.await(ConnectedMessage.ChatText.class, WAIT)).isEqualTo(new ConnectedMessage.ChatText("just you"));
            priv.addProperty("id", 3);
            assertThat(rpc.call("jamulusserver/privateChatMessage", priv).has("error")).isTrue();
            assertThat(rpc.call("jamulusserver/setServerName", Json.object()).getAsJsonObject("error")
                    .get("code").getAsInt()).isEqualTo(-32602);

            JsonObject counters = rpc.result("jamulusserver/getCounters", Json.object()).getAsJsonObject();
            assertThat(counters.keySet()).contains("ticks", "missedDeadlines", "maxTickNanos", "packetsIn", "packetsOut",
                    "decodeErrors", "jitterUnderruns", "jitterOverruns");
            assertThat(counters.get("packetsIn").getAsLong()).isPositive();
        }
    }

    @Test
    void countryNamesAreJamulussEnglishNamesForEveryCode() {
        assertThat(ServerRpc.countryName(0)).isEqualTo("Default");
        assertThat(ServerRpc.countryName(82)).isEqualTo("Germany");
        assertThat(ServerRpc.countryName(74)).isEqualTo("France");
        assertThat(ServerRpc.countryName(13)).isEqualTo("Australia"); // not in the old short table
        assertThat(ServerRpc.countryName(246)).isEqualTo("246"); // a region, not a country
    }
}
