package org.tutti.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonNull;
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
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ScriptedClientAccess;
import org.tutti.server.engine.ServerConfig;
import org.tutti.testing.Await;

/** {@code jamulusserver/setConductor} and {@code getConductor} over a real JSON-RPC connection and real UDP clients. */
class ConductorRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static JsonObject id(Object value) {
        JsonObject p = new JsonObject();
        if (value == null) {
            p.add("id", JsonNull.INSTANCE);
        } else if (value instanceof Number n) {
            p.addProperty("id", n);
        } else {
            p.addProperty("id", (String) value);
        }
        return p;
    }

    private static int errorCode(JsonObject reply) {
        return reply.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void setGetAndEndTheConductorsMix() throws Exception {
        Secrets secrets = Secrets.create(dir);
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), new PrintStream(OutputStream.nullOutputStream()));
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), WAIT);
             ScriptedClientAccess conductor = new ScriptedClientAccess(server.udpPort());
             ScriptedClientAccess singer = new ScriptedClientAccess(server.udpPort())) {
            int c = conductor.connect();
            singer.connect();
            conductor.send(new ConnectedMessage.ChannelInfos(new ChannelInfo(0, 0, 0, "Clara", "")));
            assertThat(rpc.result("jamulusserver/getConductor", Json.object())).isEqualTo(id(null));

            assertThat(rpc.result("jamulusserver/setConductor", id(c))).isEqualTo(id(c));
            assertThat(rpc.result("jamulusserver/getConductor", Json.object())).isEqualTo(id(c));
            ConnectedMessage.ChatText told = Await.value("the singer told", WAIT,
                    () -> singer.await(ConnectedMessage.ChatText.class, Duration.ofSeconds(1)),
                    t -> t != null && t.text().contains("you hear Clara's mix"));
            assertThat(told.text()).contains("/ownmix");

            for (JsonObject bad : new JsonObject[] {id(3), id(-1), id(1.5), id("one"), Json.object()}) {
                assertThat(errorCode(rpc.call("jamulusserver/setConductor", bad))).as(bad.toString()).isEqualTo(-32602);
            }
            assertThat(rpc.result("jamulusserver/setConductor", id(null))).isEqualTo(id(null));
            assertThat(rpc.result("jamulusserver/getConductor", Json.object())).isEqualTo(id(null));
        }
    }
}
