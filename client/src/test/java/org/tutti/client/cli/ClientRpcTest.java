package org.tutti.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientOptions;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.testing.Await;

/** The headless client's JSON-RPC methods while not connected: Jamulus's shapes, codes and quirks (doc §9). */
class ClientRpcTest {
    private static final String SECRET = "client-rpc-test-secret";
    private JsonRpcServer server;
    private ClientEngine engine;
    private RpcTestClient rpc;

    @BeforeEach
    void start() throws Exception {
        server = new JsonRpcServer(InetAddress.getLoopbackAddress(), 0, SECRET);
        ClientRpc methods = new ClientRpc(server);
        engine = new ClientEngine(ClientOptions.defaults(new FakeBackendProvider(), "Rpc"), methods);
        methods.bind(engine);
        server.start();
        rpc = RpcTestClient.connectAndAuth(server.port(), SECRET, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        rpc.close();
        engine.close();
        server.close();
    }

    @Test
    void startAndStopRecordingMakeATakeFolderAndSayWhere(@TempDir Path dir) throws Exception {
        JsonObject idle = rpc.result("jamulusclient/stopRecording", Json.object()).getAsJsonObject();
        assertThat(idle.get("folder").isJsonNull()).as("nothing to stop").isTrue();
        Path take = Path.of(rpc.result("jamulusclient/startRecording", Json.object("folder", dir.toString()))
                .getAsJsonObject().get("folder").getAsString());
        assertThat(take.getParent()).isEqualTo(dir);
        assertThat(take.resolve("own-input.wav")).exists();
        assertThat(take.resolve("mix.wav")).exists();
        assertThat(rpc.result("jamulusclient/stopRecording", Json.object()).getAsJsonObject().get("folder")
                .getAsString()).isEqualTo(take.toString());

        JsonObject notString = new JsonObject();
        notString.addProperty("folder", 5);
        assertThat(rpc.call("jamulusclient/startRecording", notString).getAsJsonObject("error").get("code").getAsInt())
                .isEqualTo(-32602);
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        JsonObject failed = rpc.call("jamulusclient/startRecording", Json.object("folder", file.toString()));
        assertThat(failed.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32000);
        assertThat(failed.getAsJsonObject("error").get("message").getAsString()).startsWith("could not start recording");
        assertThat(engine.recording()).isNull();
    }

    @Test
    void reportsModeAndDisconnectedState() {
        assertThat(rpc.result("jamulus/getMode", Json.object()).getAsJsonObject().get("mode").getAsString())
                .isEqualTo("client");
        assertThat(rpc.result("jamulusclient/getClientInfo", Json.object()).getAsJsonObject()
                .get("connected").getAsBoolean()).isFalse();
    }

    @Test
    void getCountersReportsThePlaybackRatioAndLateCallbacksBesideTheDropouts() {
        JsonObject idle = rpc.result("jamulusclient/getCounters", Json.object()).getAsJsonObject();
        assertThat(idle.get("connected").getAsBoolean()).isFalse();
        assertThat(idle.get("playbackRatioPpm").getAsInt()).isZero();
        assertThat(idle.get("lateCallbacks").getAsLong()).isZero();
        var streaming = new org.tutti.client.engine.ClientStatus(true, 3, 12, 100, 128, 2, 1000, 990, 4, "3.9.1",
                0f, 0f, 0f, 2, 1, 0, 1, 1, 1, -287, 5);
        JsonObject counters = ClientRpc.counters(streaming);
        assertThat(counters.get("dropouts").getAsLong()).isEqualTo(2);
        assertThat(counters.get("playbackRatioPpm").getAsInt()).isEqualTo(-287);
        assertThat(counters.get("lateCallbacks").getAsLong()).isEqualTo(5);
    }

    @Test
    void methodsNeedingAConnectionAnswerErrorOne() {
        for (String method : new String[] {"jamulusclient/getClientList", "jamulusclient/sendChatText"}) {
            JsonObject params = method.endsWith("sendChatText") ? Json.object("chatText", "x") : Json.object();
            JsonObject reply = rpc.call(method, params);
            assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).as(method).isEqualTo(1);
            assertThat(reply.getAsJsonObject("error").get("message").getAsString())
                    .isEqualTo("Client is not connected");
        }
    }

    @Test
    void profileMethodsChangeWhatGetChannelInfoReports() throws Exception {
        assertThat(rpc.result("jamulusclient/setName", Json.object("name", "A very long musician name"))
                .getAsString()).isEqualTo("ok");
        assertThat(rpc.result("jamulusclient/setSkillLevel", Json.object("skillLevel", "expert")).getAsString())
                .isEqualTo("ok");
        JsonObject instrument = new JsonObject();
        instrument.addProperty("instrumentCode", 10);
        rpc.result("jamulusclient/setInstrumentCode", instrument);
        JsonObject info = Await.value("the new instrument", // commands run on the engine thread
                () -> rpc.result("jamulusclient/getChannelInfo", Json.object()).getAsJsonObject(),
                i -> i.get("instrumentId").getAsInt() == 10);
        assertThat(info.get("name").getAsString()).isEqualTo("A very long musi"); // cut to 16
        assertThat(info.get("skillLevel").getAsString()).isEqualTo("expert");
        assertThat(info.get("instrumentId").getAsInt()).isEqualTo(10);
    }

    @Test
    void nullSkillLevelAnswersWithNeitherResultNorErrorLike391() {
        JsonObject params = new JsonObject();
        params.add("skillLevel", com.google.gson.JsonNull.INSTANCE);
        JsonObject reply = rpc.call("jamulusclient/setSkillLevel", params);
        assertThat(reply.has("result")).isFalse();
        assertThat(reply.has("error")).isFalse();
    }

    @Test
    void badParamsAreRejected() {
        JsonObject reply = rpc.call("jamulusclient/setName", Json.object());
        assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
        reply = rpc.call("jamulusclient/setSkillLevel", Json.object("skillLevel", "guru"));
        assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
    }
}
