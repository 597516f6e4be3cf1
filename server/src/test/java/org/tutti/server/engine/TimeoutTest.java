package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.testing.Await;

/** A client that stops sending audio (and never says goodbye) is dropped after 30 s (protocol doc §5.4). */
class TimeoutTest {
    @Test
    void silentClientIsDroppedAfterThirtySeconds() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ScriptedClient quiet = new ScriptedClient(engine.port());
             ScriptedClient stays = new ScriptedClient(engine.port())) {
            quiet.sendSilentAudio(46);
            assertThat(quiet.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(3))).isNotNull();
            long start = System.nanoTime();
            Thread.ofVirtual().start(() -> { // the other client keeps its channel alive with audio
                while (System.nanoTime() - start < 40_000_000_000L) {
                    try {
                        stays.sendSilentAudio(46);
                        Thread.sleep(100);
                    } catch (InterruptedException | java.io.UncheckedIOException e) {
                        return; // test over
                    }
                }
            });
            Thread.sleep(5000);
            assertThat(engine.clients()).as("silent for 5 s: still connected").hasSize(2);
            Await.holdsWithin(Duration.ofSeconds(35), () -> engine.clients().size() != 2);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(engine.clients()).as("after %.1f s", seconds).hasSize(1);
            assertThat(seconds).as("dropped after").isBetween(29.0, 33.0);
            assertThat(stays.await(ConnectedMessage.ConnClientsList.class, Duration.ofSeconds(2))).isNotNull();
        }
    }
}
