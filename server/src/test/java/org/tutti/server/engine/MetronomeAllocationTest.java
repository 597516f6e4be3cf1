package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.net.BatchUdpSocket;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.GainPan;

/**
 * With the metronome clicking, a listener mixing it at its own gain, and a conductor whose followers share its
 * encodes, the engine thread still allocates nothing per tick (the JVM's per-thread allocation counter, real Opus).
 */
class MetronomeAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes per tick in the least allocating of up to {@code windows} 1-second windows (JIT, one-off messages). */
    private static double leastBytesPerTick(ServerEngine engine, int windows) throws InterruptedException {
        long thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("server-engine")).findFirst().orElseThrow().threadId();
        double least = Double.MAX_VALUE;
        for (int w = 0; w < windows && least > 0; w++) {
            long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
            long ticksBefore = engine.counters().snapshot().ticks();
            Thread.sleep(1000);
            long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesBefore;
            long ticks = engine.counters().snapshot().ticks() - ticksBefore;
            assertThat(ticks).isGreaterThan(100);
            System.out.printf("engine thread, metronome and conductor: %d bytes in %d ticks%n", bytes, ticks);
            least = Math.min(least, (double) bytes / ticks);
        }
        return least;
    }

    @Test
    void metronomeAndConductorAllocateNothingPerTick() throws Exception {
        String saved = System.getProperty(BatchUdpSocket.PROPERTY);
        System.setProperty(BatchUdpSocket.PROPERTY, "ffm");
        List<AudioTestClient> clients = new ArrayList<>();
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 8), null)) {
            for (int i = 0; i < 4; i++) {
                clients.add(new AudioTestClient(engine.port(), i % 2 == 0 ? AudioCodec.OPUS : AudioCodec.OPUS64,
                        1 + i % 2, i % 2 == 0 ? 45 : 35, "c" + i));
                clients.getLast().play(3000, false);
            }
            engine.setMetronome(true, 200, 4);
            AudioTestClient conductor = clients.getFirst();
            conductor.control().send(new ConnectedMessage.ChannelGain(clients.get(1).channelId, GainPan.UNITY / 2));
            clients.get(3).control().send(new ConnectedMessage.ChatText("/ownmix"));
            clients.get(3).control().send(new ConnectedMessage.ChannelGain(engine.metronome().channelId(),
                    GainPan.UNITY / 3));
            assertThat(engine.setConductor(conductor.channelId)).isTrue();
            Thread.sleep(4000); // warm up: JIT, codec setup, connect sequences, fade-in
            long shared = engine.counters().snapshot().conductorEncodeListenerTicks();
            assertThat(leastBytesPerTick(engine, 8)).as("bytes allocated per tick").isZero();
            assertThat(engine.counters().snapshot().conductorEncodeListenerTicks()).as("followers on shared encodes")
                    .isGreaterThan(shared);
        } finally {
            for (AudioTestClient c : clients) {
                c.close();
            }
            if (saved == null) {
                System.clearProperty(BatchUdpSocket.PROPERTY);
            } else {
                System.setProperty(BatchUdpSocket.PROPERTY, saved);
            }
        }
    }
}
