package org.tutti.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * Tutti's own headless client on a Tutti server with the metronome: it lists the channel "Metronome" (ID 5 on a
 * {@code -u 5} server) like Jamulus does, gets its level in the level lists, and drops it when it is switched off.
 */
class MetronomeClientTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void tuttiClientListsTheMetronomeAndItsLevel() throws Exception {
        Peers.require(Peers.JACKD);
        ParsedOptions serverOptions = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "5", "--metronome", "120");
        try (DummyJack jack = DummyJack.start(dir);
             HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(serverOptions), null,
                     new PrintStream(OutputStream.nullOutputStream()), serverOptions)) {
            Path settings = dir.resolve("settings.json");
            Files.writeString(settings, "{\"audio\": {\"backend\": \"jack\", \"device\": \"" + jack.serverName()
                    + "\"}}");
            Secrets secrets = Secrets.create(dir);
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);
            HeadlessClient client = HeadlessClient.start(JamulusOptions.parse("-n", "-i", settings.toString(),
                    "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Tess", "-j",
                    "--jsonrpcport", "0", "--jsonrpcsecretfile", secrets.file().toString()), out, out);
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(client.rpcPort(), secrets.secret(), WAIT)) {
                // getClientList answers an error until the connection is up (as Jamulus's does)
                Await.until("connected", WAIT, () -> rpc.result("jamulusclient/getClientInfo", Json.object())
                        .getAsJsonObject().get("connected").getAsBoolean());
                JsonObject metronome = Await.value("the Metronome in Tess's list", WAIT,
                        () -> HeadlessClientTest.entryFor(rpc.result("jamulusclient/getClientList", Json.object()),
                                "Metronome"), e -> e != null);
                assertThat(metronome.get("id").getAsInt()).isEqualTo(5);
                JsonObject levels = rpc.awaitNotification("jamulusclient/channelLevelListReceived",
                        p -> p.getAsJsonArray("channelLevelList").size() == 2
                                && p.getAsJsonArray("channelLevelList").get(1).getAsInt() > 0, WAIT);
                assertThat(levels).as("a level list with the metronome clicking").isNotNull();

                server.engine().setMetronome(false, 120, 4);
                Await.until("the Metronome gone from Tess's list", WAIT, () -> {
                    JsonElement list = rpc.result("jamulusclient/getClientList", Json.object());
                    return HeadlessClientTest.entryFor(list, "Metronome") == null
                            && HeadlessClientTest.lists(list, "Tess");
                });
            } finally {
                client.close();
            }
        }
    }
}
