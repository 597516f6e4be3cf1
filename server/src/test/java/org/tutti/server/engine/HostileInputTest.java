package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.Frame;

/**
 * Garbage from a connected client and from strangers (random bytes, and valid frames with random IDs and bodies)
 * neither stops the server nor breaks other clients; nothing in it is handled as a crash.
 */
class HostileInputTest {
    @Test
    void randomDatagramsAndFramesLeaveTheServerWorking() throws Exception {
        Random random = new Random(77);
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ScriptedClient insider = new ScriptedClient(engine.port());
             ScriptedClient stranger = new ScriptedClient(engine.port())) {
            insider.sendSilentAudio(46);
            assertThat(insider.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(3))).isNotNull();
            for (int i = 0; i < 5000; i++) {
                ScriptedClient from = (i & 1) == 0 ? insider : stranger;
                if (random.nextBoolean()) {
                    byte[] garbage = new byte[random.nextInt(600)];
                    random.nextBytes(garbage);
                    from.sendRaw(garbage);
                } else {
                    int id = random.nextInt(40) + (random.nextInt(4) == 0 ? 1000 : 0);
                    byte[] body = new byte[random.nextInt(64)];
                    random.nextBytes(body);
                    from.sendRaw(Frame.build(id, random.nextInt(256), body));
                }
                if (i % 200 == 0) {
                    Thread.sleep(5); // let the server drain; the point is content, not volume
                }
            }
            Thread.sleep(300);
            try (ScriptedClient newcomer = new ScriptedClient(engine.port())) {
                newcomer.sendClm(new ConnectionlessMessage.PingMs(42));
                assertThat(newcomer.await(ConnectionlessMessage.PingMs.class, Duration.ofSeconds(3)))
                        .isEqualTo(new ConnectionlessMessage.PingMs(42));
                newcomer.sendSilentAudio(46);
                assertThat(newcomer.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(3))).isNotNull();
            }
            EngineCounters.Snapshot counters = engine.counters().snapshot();
            assertThat(counters.internalErrors()).as("datagrams whose handling threw").isZero();
            assertThat(counters.ticks()).isPositive();
        }
    }
}
