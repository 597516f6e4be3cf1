package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JackRecorder;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.interop.ToneSource;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * The conductor's mix with three real Jamulus 3.9.1 clients: a player plays a tone; the conductor (a windowed
 * client whose stored fader for "Player" is 0, so it sends CHANNEL_GAIN 0 for the player itself) has the player
 * silent in its mix; the follower's own fader is at 1. With the conductor set, the follower's output loses the
 * tone; after the follower types /ownmix in its chat, the tone is back.
 */
class ConductorInteropTest {
    private static final Duration CONNECT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static int idOf(RpcTestClient rpc, String name) {
        JsonObject clients = Await.value(name + " in getClients", CONNECT,
                () -> rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject(),
                c -> c.toString().contains("\"" + name + "\""));
        for (var e : clients.getAsJsonArray("clients")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject().get("id").getAsInt();
            }
        }
        throw new IllegalStateException(name);
    }

    private static int peak(DummyJack jack, JamulusClient c, Path dir) {
        return JackRecorder.peak(jack, c.outputPorts().getFirst(), Duration.ofSeconds(1), dir);
    }

    @Test
    void aFollowerHearsTheConductorsBalanceUntilItTypesOwnmix() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS, Peers.JACK_REC);
        Secrets secrets = Secrets.create(dir);
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "10");
        Map<String, String> playerDown = Map.of(
                "storedfadertag0_base64", Base64.getEncoder().encodeToString("Player".getBytes(StandardCharsets.UTF_8)),
                "storedfaderlevel0", "0");
        try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), new PrintStream(OutputStream.nullOutputStream()),
                options);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5));
             DummyJack jackP = DummyJack.start(dir);
             DummyJack jackC = DummyJack.start(dir);
             DummyJack jackF = DummyJack.start(dir);
             JamulusClient player = JamulusClient.start(dir, jackP, "127.0.0.1:" + server.udpPort(), "player");
             JamulusClient conductor = JamulusClient.startWindowed(dir, jackC, "127.0.0.1:" + server.udpPort(),
                     "conductor", playerDown);
             JamulusClient follower = JamulusClient.start(dir, jackF, "127.0.0.1:" + server.udpPort(), "follower");
             ToneSource tone = ToneSource.start(jackP, "tone", dir)) {
            player.rpc().result("jamulusclient/setName", Json.object("name", "Player"));
            conductor.rpc().result("jamulusclient/setName", Json.object("name", "Conductor"));
            follower.rpc().result("jamulusclient/setName", Json.object("name", "Follower"));
            int conductorId = idOf(rpc, "Conductor");
            idOf(rpc, "Player");
            tone.connectTo(player.inputPorts());

            Await.until("the tone at the follower, in its own mix", CONNECT, () -> peak(jackF, follower, dir) > 1000);
            Await.until("the conductor's mix without the player", CONNECT, () -> peak(jackC, conductor, dir) < 300);

            rpc.result("jamulusserver/setConductor", idParams(conductorId));
            assertThat(follower.rpc().awaitNotification("jamulusclient/chatTextReceived",
                    p -> p.get("chatText").getAsString().contains("you hear Conductor's mix"), CONNECT)).isNotNull();
            Await.until("the follower hears the conductor's balance: no player", CONNECT,
                    () -> peak(jackF, follower, dir) < 300);

            follower.rpc().result("jamulusclient/sendChatText", Json.object("chatText", "/ownmix"));
            Await.until("the follower's own mix again after /ownmix", CONNECT, () -> peak(jackF, follower, dir) > 1000);
            System.out.println("Conductor's mix with three Jamulus 3.9.1 clients: follower silent while following, "
                    + "tone back after /ownmix");
        }
    }

    private static JsonObject idParams(int id) {
        JsonObject p = new JsonObject();
        p.addProperty("id", id);
        return p;
    }
}
