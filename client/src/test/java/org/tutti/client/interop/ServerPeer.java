package org.tutti.client.interop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ServerConfig;

/** The server a client interop test joins: the real Jamulus 3.9.1, or Tutti's headless server in this JVM. */
interface ServerPeer extends AutoCloseable {
    int udpPort();

    RpcTestClient rpc();

    @Override
    void close();

    enum Kind {
        JAMULUS, TUTTI;

        ServerPeer start(Path dir) {
            return this == JAMULUS ? jamulus(JamulusServer.start(dir, 20)) : tutti(dir);
        }
    }

    private static ServerPeer jamulus(JamulusServer server) {
        return new ServerPeer() {
            public int udpPort() {
                return server.udpPort();
            }

            public RpcTestClient rpc() {
                return server.rpc();
            }

            public void close() {
                server.close();
            }
        };
    }

    private static ServerPeer tutti(Path dir) {
        Secrets secrets = Secrets.create(dir);
        try {
            PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("tutti-server.log")), true);
            HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 20),
                    new HeadlessServer.RpcSettings(0, secrets.file(), null), out);
            RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5));
            return new ServerPeer() {
                public int udpPort() {
                    return server.udpPort();
                }

                public RpcTestClient rpc() {
                    return rpc;
                }

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
