package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.net.BatchUdpSocket;
import org.tutti.protocol.AudioCodec;

/**
 * The engine thread allocates nothing per frame while clients stream: measured with the JVM's per-thread allocation
 * counter over real Opus traffic (receive, sender lookup, decode, meter, mix, encode, batched send, level lists).
 * With several clients their datagrams alternate senders, which is what made the JDK's receive allocate an address
 * per datagram; the native socket (the default on Linux) does not.
 */
class EngineAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long engineThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("server-engine")).findFirst().orElseThrow().threadId();
    }

    /** Bytes per tick in the least allocating of up to {@code windows} 1-second windows (so a late JIT compile or a
     *  one-off control message does not decide the result). */
    private static double leastBytesPerTick(ServerEngine engine, int windows) throws InterruptedException {
        long thread = engineThreadId();
        double least = Double.MAX_VALUE;
        for (int w = 0; w < windows && least > 0; w++) {
            long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
            long ticksBefore = engine.counters().snapshot().ticks();
            Thread.sleep(1000);
            long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesBefore;
            long ticks = engine.counters().snapshot().ticks() - ticksBefore;
            assertThat(ticks).isGreaterThan(100);
            double perTick = (double) bytes / ticks;
            System.out.printf("engine thread: %d bytes allocated in %d ticks (%.2f bytes/tick)%n", bytes, ticks,
                    perTick);
            least = Math.min(least, perTick);
        }
        return least;
    }

    @Test
    void steadyStreamingAllocatesLessThanOneSmallObjectPerTick() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             AudioTestClient a = new AudioTestClient(engine.port(), AudioCodec.OPUS, 2, 71, "a")) {
            a.play(5000, false);
            Thread.sleep(2000); // warm up: JIT, codec setup
            assertThat(leastBytesPerTick(engine, 3)).as("bytes allocated per tick").isLessThan(16);
        }
    }

    @Test
    void severalAlternatingSendersAllocateNothingPerTick() throws Exception {
        // The native socket is what makes this zero; on the JDK fallback the receive allocates per datagram.
        String saved = System.getProperty(BatchUdpSocket.PROPERTY);
        System.setProperty(BatchUdpSocket.PROPERTY, "ffm");
        List<AudioTestClient> clients = new ArrayList<>();
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 8), null)) {
            for (int i = 0; i < 5; i++) {
                clients.add(new AudioTestClient(engine.port(), i % 2 == 0 ? AudioCodec.OPUS : AudioCodec.OPUS64,
                        1 + i % 2, i % 2 == 0 ? 45 : 35, "c" + i));
            }
            for (AudioTestClient c : clients) {
                c.play(3000, false);
            }
            Thread.sleep(4000); // warm up: JIT, codec setup, connect sequences, fade-in
            assertThat(leastBytesPerTick(engine, 8)).as("bytes allocated per tick, 5 alternating senders")
                    .isZero();
            assertThat(engine.counters().snapshot().audioPacketsIn()).isGreaterThan(5000);
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

    @Test
    void kickedSendersThatKeepStreamingAllocateNothingPerTick() throws Exception {
        // A kicked Jamulus client keeps streaming: its datagrams meet the kicked table, which must cost nothing.
        String saved = System.getProperty(BatchUdpSocket.PROPERTY);
        System.setProperty(BatchUdpSocket.PROPERTY, "ffm");
        List<AudioTestClient> clients = new ArrayList<>();
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 8), null)) {
            for (int i = 0; i < 3; i++) {
                clients.add(new AudioTestClient(engine.port(), AudioCodec.OPUS, 2, 71, "k" + i));
            }
            for (AudioTestClient c : clients) {
                c.play(3000, false);
            }
            assertThat(engine.kick(clients.get(1).channelId)).isTrue();
            assertThat(engine.kick(clients.get(2).channelId)).isTrue();
            assertThat(engine.kick(clients.get(2).channelId)).as("kicked twice").isFalse();
            Thread.sleep(3000); // warm up: JIT, codec setup, the kicked senders' path
            assertThat(leastBytesPerTick(engine, 8)).as("bytes allocated per tick, 2 kicked senders streaming")
                    .isZero();
            assertThat(engine.clients()).hasSize(1);
            assertThat(engine.counters().snapshot().kickedDatagramsDropped()).isGreaterThan(1000);
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
