package org.tutti.server.interop;

import java.nio.file.Path;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.RpcTestClient;

/** A server the interop tests talk to: the real Jamulus (to prove the test honest) or Tutti. */
interface ServerUnderTest extends AutoCloseable {
    int udpPort();

    /** Authenticated JSON-RPC connection to the server. */
    RpcTestClient rpc();

    @Override
    void close();

    enum Kind {
        JAMULUS, TUTTI;

        ServerUnderTest start(Path dir, int maxClients) {
            return switch (this) {
                case JAMULUS -> realJamulus(JamulusServer.start(dir, maxClients));
                case TUTTI -> TuttiServerUnderTest.start(dir, maxClients);
            };
        }
    }

    private static ServerUnderTest realJamulus(JamulusServer server) {
        return new ServerUnderTest() {
            @Override
            public int udpPort() {
                return server.udpPort();
            }

            @Override
            public RpcTestClient rpc() {
                return server.rpc();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
