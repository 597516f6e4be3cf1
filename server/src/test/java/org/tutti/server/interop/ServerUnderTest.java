package org.tutti.server.interop;

import java.nio.file.Path;
import java.util.List;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.RpcTestClient;

/** A server the interop tests talk to: the real Jamulus (to prove the test honest) or Tutti. */
interface ServerUnderTest extends AutoCloseable {
    int udpPort();

    /** Authenticated JSON-RPC connection to the server. */
    RpcTestClient rpc();

    /** Tutti's own view of its clients (to check stream details a real client negotiated); null for Jamulus. */
    default List<ClientSnapshot> tuttiClients() {
        return null;
    }

    @Override
    void close();

    enum Kind {
        /** The real Jamulus 3.9.1 server: proves the test itself is honest. */
        JAMULUS,
        /** Tutti with default options (128-sample frames). */
        TUTTI,
        /** Tutti with -F (64-sample frames) and -T (multithreading). */
        TUTTI_FAST;

        ServerUnderTest start(Path dir, int maxClients) {
            return switch (this) {
                case JAMULUS -> realJamulus(JamulusServer.start(dir, maxClients));
                case TUTTI -> TuttiServerUnderTest.start(dir, maxClients, false);
                case TUTTI_FAST -> TuttiServerUnderTest.start(dir, maxClients, true);
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
