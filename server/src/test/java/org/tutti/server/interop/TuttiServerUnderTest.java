package org.tutti.server.interop;

import java.nio.file.Path;

/** Tutti's headless server, run in this JVM with the same options a user would give. */
final class TuttiServerUnderTest {
    private TuttiServerUnderTest() {
    }

    static ServerUnderTest start(Path dir, int maxClients) {
        throw new UnsupportedOperationException("Tutti server engine not built yet");
    }
}
