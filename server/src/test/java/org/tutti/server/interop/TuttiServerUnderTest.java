package org.tutti.server.interop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.ServerConfig;

/** Tutti's headless server, run in this JVM on a free port with JSON-RPC, as a user would start it. */
final class TuttiServerUnderTest {
    private TuttiServerUnderTest() {
    }

    static ServerUnderTest start(Path dir, int maxClients, boolean fast) {
        Secrets secrets = Secrets.create(dir);
        try {
            PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("tutti-server.log")), true);
            ServerConfig config = new ServerConfig(null, 0, maxClients, fast, fast, false, "", false, "", "", 0,
                    ServerConfig.DEFAULT_TOS, false, null, null, false);
            HeadlessServer server = HeadlessServer.start(config,
                    new HeadlessServer.RpcSettings(0, secrets.file(), null), out);
            RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5));
            return new ServerUnderTest() {
                @Override
                public int udpPort() {
                    return server.udpPort();
                }

                @Override
                public RpcTestClient rpc() {
                    return rpc;
                }

                @Override
                public List<ClientSnapshot> tuttiClients() {
                    return server.engine().clients();
                }

                @Override
                public void close() {
                    rpc.close();
                    server.close();
                    out.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
