package org.tutti.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ServerConfig;

/** {@code jamulusserver/getMetronome} and {@code setMetronome} over a real JSON-RPC connection. */
class MetronomeRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static JsonObject params(Object... keysAndValues) {
        JsonObject p = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v instanceof Boolean b) {
                p.addProperty((String) keysAndValues[i], b);
            } else if (v instanceof Number n) {
                p.addProperty((String) keysAndValues[i], n);
            } else {
                p.addProperty((String) keysAndValues[i], (String) v);
            }
        }
        return p;
    }

    private static int errorCode(JsonObject reply) {
        return reply.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void getAndSetWithPartialUpdatesAndInvalidParams() throws Exception {
        Secrets secrets = Secrets.create(dir);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 12),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), quiet);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT)) {
            assertThat(rpc.result("jamulusserver/getMetronome", Json.object()))
                    .isEqualTo(params("enabled", false, "bpm", 120, "beatsPerBar", 4, "channelId", 12));
            assertThat(rpc.result("jamulusserver/setMetronome", params("enabled", true, "bpm", 96, "beatsPerBar", 3)))
                    .isEqualTo(params("enabled", true, "bpm", 96, "beatsPerBar", 3, "channelId", 12));
            // Left-out fields keep their values.
            assertThat(rpc.result("jamulusserver/setMetronome", params("bpm", 180)))
                    .isEqualTo(params("enabled", true, "bpm", 180, "beatsPerBar", 3, "channelId", 12));

            for (JsonObject bad : new JsonObject[] {params("bpm", 29), params("bpm", 301), params("beatsPerBar", 1),
                    params("beatsPerBar", 13), params("bpm", 120.5), params("bpm", "fast"), params("enabled", "yes"),
                    params("enabled", 1)}) {
                assertThat(errorCode(rpc.call("jamulusserver/setMetronome", bad))).as(bad.toString()).isEqualTo(-32602);
            }
            assertThat(rpc.result("jamulusserver/getMetronome", Json.object()))
                    .isEqualTo(params("enabled", true, "bpm", 180, "beatsPerBar", 3, "channelId", 12));
            assertThat(rpc.result("jamulusserver/setMetronome", params("enabled", false)).getAsJsonObject()
                    .get("enabled").getAsBoolean()).isFalse();
        }
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 150),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), quiet);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT)) {
            JsonObject refused = rpc.call("jamulusserver/setMetronome", params("enabled", true));
            assertThat(errorCode(refused)).isEqualTo(-32602);
            assertThat(refused.getAsJsonObject("error").get("message").getAsString()).contains("-u 149");
            assertThat(rpc.result("jamulusserver/getMetronome", Json.object()).getAsJsonObject()
                    .get("channelId").getAsInt()).isEqualTo(-1);
        }
    }
}
