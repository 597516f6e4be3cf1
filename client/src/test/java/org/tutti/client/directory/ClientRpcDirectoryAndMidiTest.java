package org.tutti.client.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.client.cli.ClientRpc;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientOptions;
import org.tutti.interop.FreePorts;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.testing.Await;

/**
 * The 3.12 client JSON-RPC methods over a real TCP connection: pollServerList against a real directory on
 * 127.0.0.1 (a headless Tutti directory server, and the real Jamulus 3.9.1 as a directory), getCurrentDirectory,
 * setMuted and the MIDI methods.
 */
class ClientRpcDirectoryAndMidiTest {
    private static final String SECRET = "client-rpc-directory-secret";
    private static final Duration WAIT = Duration.ofSeconds(30); // shared machine: generous

    @TempDir
    Path work;

    private JsonRpcServer server;
    private ClientRpc methods;
    private ClientEngine engine;
    private RpcTestClient rpc;

    @BeforeEach
    void start() throws Exception {
        server = new JsonRpcServer(InetAddress.getLoopbackAddress(), 0, SECRET);
        methods = new ClientRpc(server);
        engine = new ClientEngine(ClientOptions.defaults(new FakeBackendProvider(), "Rpc"), methods);
        methods.bind(engine);
        server.start();
        rpc = RpcTestClient.connectAndAuth(server.port(), SECRET, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        rpc.close();
        methods.close();
        engine.close();
        server.close();
    }

    @Test
    void pollServerListReportsATuttiDirectorysListAndPingAnswers() throws Exception {
        var options = org.tutti.cli.JamulusOptions.parse("-s", "-n", "-p", "0", "-e", "localhost",
                "-o", "TuttiDir;Paris;fr");
        try (var log = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
             var directory = org.tutti.server.cli.HeadlessServer.start(
                     org.tutti.server.cli.ServerOptions.toConfig(options), null, log, options)) {
            String address = "127.0.0.1:" + directory.udpPort();
            assertThat(rpc.result("jamulusclient/pollServerList", Json.object("directory", address)).getAsString())
                    .isEqualTo("ok");
            JsonObject list = rpc.awaitNotification("jamulusclient/serverListReceived", p -> true, WAIT);
            assertThat(list).as("serverListReceived").isNotNull();
            JsonArray servers = list.getAsJsonArray("servers");
            assertThat(servers).hasSize(1);
            JsonObject own = servers.get(0).getAsJsonObject();
            assertThat(own.get("name").getAsString()).isEqualTo("TuttiDir");
            assertThat(own.get("address").getAsString()).isEqualTo(address);
            assertThat(own.get("countryId").getAsInt()).isEqualTo(74);
            assertThat(own.get("country").getAsString()).isEqualTo("France");
            assertThat(own.get("city").getAsString()).isEqualTo("Paris");
            JsonObject info = rpc.awaitNotification("jamulusclient/serverInfoReceived",
                    p -> p.get("address").getAsString().equals(address), WAIT);
            assertThat(info).as("serverInfoReceived").isNotNull();
            assertThat(info.get("numClients").getAsInt()).isZero();
            assertThat(info.get("pingTime").getAsInt()).isNotNegative();
            assertThat(rpc.result("jamulusclient/getCurrentDirectory", Json.object()).getAsString())
                    .isEqualTo(address);
        }
    }

    @Test
    void pollServerListReportsARealJamulusDirectorysList() throws Exception {
        JamulusProcess.binary();
        int port = FreePorts.udp();
        try (JamulusProcess directory = JamulusProcess.start(work, "-s", "-n", "-p", "" + port, "-e", "localhost",
                "-o", "JamDir;Köln;82")) {
            String address = "127.0.0.1:" + port;
            JsonObject list = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (list == null && System.nanoTime() < deadline) { // Jamulus may still be starting: ask again
                rpc.result("jamulusclient/pollServerList", Json.object("directory", address));
                list = rpc.awaitNotification("jamulusclient/serverListReceived", p -> true, Duration.ofSeconds(5));
            }
            assertThat(list).as("list; Jamulus said:\n%s", directory.output()).isNotNull();
            JsonObject own = list.getAsJsonArray("servers").get(0).getAsJsonObject();
            assertThat(own.get("name").getAsString()).isEqualTo("JamDir");
            assertThat(own.get("city").getAsString()).isEqualTo("Köln");
            assertThat(own.get("countryId").getAsInt()).isEqualTo(82);
            assertThat(own.get("address").getAsString()).isEqualTo(address);
            JsonObject info = rpc.awaitNotification("jamulusclient/serverInfoReceived",
                    p -> p.get("address").getAsString().equals(address), WAIT);
            assertThat(info).as("serverInfoReceived").isNotNull();
            assertThat(info.get("numClients").getAsInt()).isZero();
        }
    }

    @Test
    void pollServerListRejectsBadDirectories() {
        JsonObject missing = rpc.call("jamulusclient/pollServerList", Json.object());
        assertThat(missing.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
        JsonObject bad = rpc.call("jamulusclient/pollServerList", Json.object("directory", "no such host.invalid:x"));
        assertThat(bad.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
        assertThat(bad.getAsJsonObject("error").get("message").getAsString())
                .isEqualTo("Invalid params: directory is not a valid socket address");
        assertThat(rpc.result("jamulusclient/getCurrentDirectory", Json.object()).getAsString())
                .isEqualTo("anygenre1.jamulus.app:22124"); // Jamulus 3.12.3+ default, nothing polled yet
    }

    @Test
    void setMutedSwitchesMuteMyself() throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("muted", true);
        assertThat(rpc.result("jamulusclient/setMuted", params).getAsString()).isEqualTo("ok");
        assertThat(Await.holdsWithin(Duration.ofMillis(5_000), engine::muteMyself)).isTrue();
        params.addProperty("muted", false);
        rpc.result("jamulusclient/setMuted", params);
        assertThat(Await.holdsWithin(Duration.ofMillis(5_000), () -> !engine.muteMyself())).isTrue();
        JsonObject wrong = rpc.call("jamulusclient/setMuted", Json.object("muted", "yes"));
        assertThat(wrong.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
    }

    @Test
    void midiSettingsAreKeptButTheControllerCannotBeSwitchedOn() {
        assertThat(rpc.result("jamulusclient/getMidiDevices", Json.object()).getAsJsonArray()).isEmpty();
        JsonObject defaults = rpc.result("jamulusclient/getMidiSettings", Json.object()).getAsJsonObject();
        assertThat(defaults.keySet()).hasSize(18).contains("bUseMIDIController", "midiDevice", "midiChannel",
                "midiFaderOffset", "bMIDIPickupMode");
        assertThat(defaults.get("bUseMIDIController").getAsBoolean()).isFalse();
        JsonObject change = new JsonObject();
        change.addProperty("midiChannel", 3);
        change.addProperty("bMidiFaderEnabled", true);
        assertThat(rpc.result("jamulusclient/setMidiSettings", change).getAsString()).isEqualTo("ok");
        JsonObject on = new JsonObject();
        on.addProperty("bUseMIDIController", true);
        JsonObject refused = rpc.call("jamulusclient/setMidiSettings", on);
        assertThat(refused.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(1);
        assertThat(refused.getAsJsonObject("error").get("message").getAsString()).isEqualTo("Failed to open MIDI port");
        JsonObject now = rpc.result("jamulusclient/getMidiSettings", Json.object()).getAsJsonObject();
        assertThat(now.get("midiChannel").getAsInt()).isEqualTo(3);
        assertThat(now.get("bMidiFaderEnabled").getAsBoolean()).isTrue();
        assertThat(now.get("bUseMIDIController").getAsBoolean()).isFalse();
    }
}
