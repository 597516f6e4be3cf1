package org.tutti.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientStatus;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MessageCodec;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/**
 * Spoofed connection-less floods against a real Tutti server over real UDP (issue #10), while a real Tutti client
 * engine connects through them. A spoofer picks source ports freely, so one IP with many ports must count as one
 * source; and one spread over many IPs must meet a global cap, so the server never sends more bytes than the flood
 * did. The extra source IPs are loopback addresses (all of 127/8 is the loopback interface on Linux).
 */
class ClmFloodTest {
    /** The server's budgets (ClmAnswerBudget): per source 20 answers/s after a burst of 40; 128 KiB/s globally. */
    private static final double PER_SOURCE_RATE = 20;
    private static final double PER_SOURCE_BURST = 40;
    private static final double GLOBAL_BYTES_PER_SECOND = 128 * 1024;
    private static final double GLOBAL_BURST_BYTES = 64 * 1024;

    private static final byte[][] REQUESTS = {
            MessageCodec.encodeFrame(new ConnectionlessMessage.ReqConnClientsList()),
            MessageCodec.encodeFrame(new ConnectionlessMessage.ReqVersionAndOs()),
            MessageCodec.encodeFrame(new ConnectionlessMessage.PingMsWithNumClients(1, 0)),
    };

    @Test
    void floodFromManyPortsOfOneIpIsAnsweredAsOneSourceWhileAClientConnects() throws Exception {
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ClientEngine alice = LocalMusicians.connect(server, "LongNameMusician", "Llanfairpwllgwyngyll");
             Flood flood = new Flood(server.port(), 256, i -> InetAddress.getLoopbackAddress())) {
            LocalMusicians.awaitNamed(server, 1);
            long start = System.nanoTime();
            Thread flooder = Thread.ofPlatform().daemon().start(() -> flood.send(150_000, REQUESTS));
            Thread.sleep(300); // the flood is under way
            try (ClientEngine bob = LocalMusicians.connect(server, "Bob", "")) {
                ClientStatus bobStatus = awaitPing(bob);
                flooder.join();
                Thread.sleep(1000); // late answers
                flood.drain();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("one IP, 256 ports: %d requests (%d B) in %.1f s, %d answers (%d B);"
                                + " Bob connected as channel %d, ping %d ms during the flood%n", flood.sent,
                        flood.bytesSent, seconds, flood.answers, flood.bytesBack, bobStatus.channelId(),
                        bobStatus.pingMs());
                assertThat(bobStatus.connected()).as("a real client connects during the flood").isTrue();
                assertThat(bobStatus.pingMs()).as("its pings (as a connected channel) are answered").isNotNegative();
                assertThat(alice.status().connected()).isTrue();
                assertThat(flood.answers).as("the flood still gets answers").isPositive();
                // Keyed by IP+port each of the 256 ports would get its own burst of 40: over 10,000 answers.
                assertThat((double) flood.answers).as("answers to 256 ports of one IP, as for one source")
                        .isLessThanOrEqualTo(PER_SOURCE_BURST + PER_SOURCE_RATE * seconds + 1);
            }
        }
    }

    @Test
    void floodSpreadOverManyIpsIsCappedGloballyAndNotAmplified() throws Exception {
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ClientEngine a = LocalMusicians.connect(server, "LongNameMusician", "Llanfairpwllgwyngyll");
             ClientEngine b = LocalMusicians.connect(server, "AnotherLongName1", "Wolfeschlegelstein12");
             Flood flood = new Flood(server.port(), 512, ClmFloodTest::spoofedIp)) {
            LocalMusicians.awaitNamed(server, 2);
            long start = System.nanoTime();
            Thread flooder = Thread.ofPlatform().daemon().start(
                    () -> flood.send(200_000, new byte[][] {REQUESTS[0]})); // the best amplifier: the client list
            Thread.sleep(300);
            try (ClientEngine carol = LocalMusicians.connect(server, "Carol", "")) {
                ClientStatus carolStatus = awaitPing(carol);
                flooder.join();
                Thread.sleep(1000);
                flood.drain();
                double seconds = (System.nanoTime() - start) / 1e9;
                double amplification = flood.bytesBack / (double) flood.bytesSent;
                System.out.printf("512 IPs: %d requests (%d B) in %.1f s, %d answers (%d B): amplification %.4f;"
                                + " Carol connected as channel %d, ping %d ms during the flood%n", flood.sent,
                        flood.bytesSent, seconds, flood.answers, flood.bytesBack, amplification,
                        carolStatus.channelId(), carolStatus.pingMs());
                assertThat(carolStatus.connected()).as("a real client connects during the flood").isTrue();
                assertThat(carolStatus.pingMs()).isNotNegative();
                assertThat(a.status().connected() && b.status().connected()).isTrue();
                assertThat(flood.answers).isPositive();
                // Per-IP budgets alone would allow 512 × 40 answers of ~100 bytes at once (about 2 MB).
                assertThat((double) flood.bytesBack).as("bytes answered, within the global budget")
                        .isLessThanOrEqualTo(GLOBAL_BURST_BYTES + GLOBAL_BYTES_PER_SECOND * seconds + 2048);
                assertThat(amplification).as("bytes out / bytes in over the whole flood").isLessThanOrEqualTo(1.0);
            }
        }
    }

    /** 127.0.1.1 … 127.0.3.12: distinct loopback source IPs (Java refuses to bind x.y.z.255). */
    private static InetAddress spoofedIp(int i) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + i / 250), (byte) (1 + i % 250)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientStatus awaitPing(ClientEngine engine) {
        return Await.value("a ping time", Duration.ofSeconds(10), engine::status, s -> s.pingMs() >= 0);
    }

    interface SourceIp {
        InetAddress of(int socketIndex);
    }

    /** Non-blocking flood sockets; each socket's answers are read whenever it sends again, and at the end. */
    private static final class Flood implements AutoCloseable {
        private final DatagramChannel[] sockets;
        private final InetSocketAddress target;
        private final ByteBuffer rx = ByteBuffer.allocate(4096);
        volatile long sent;
        volatile long bytesSent;
        volatile long answers;
        volatile long bytesBack;

        Flood(int port, int count, SourceIp ip) throws IOException {
            target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            sockets = new DatagramChannel[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = DatagramChannel.open(StandardProtocolFamily.INET);
                sockets[i].bind(new InetSocketAddress(ip.of(i), 0));
                sockets[i].configureBlocking(false);
            }
        }

        /** Sends {@code total} requests round-robin over the sockets, reading answers as it goes. */
        void send(int total, byte[][] requests) {
            try {
                for (int n = 0; n < total; n++) {
                    DatagramChannel s = sockets[n % sockets.length];
                    drain(s);
                    byte[] r = requests[n % requests.length];
                    if (s.send(ByteBuffer.wrap(r), target) > 0) {
                        sent++;
                        bytesSent += r.length;
                    }
                    if (n % 200 == 199) {
                        Thread.sleep(1); // tens of thousands per second: a flood the server can still read
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized void drain() throws IOException {
            for (DatagramChannel s : sockets) {
                drain(s);
            }
        }

        private synchronized void drain(DatagramChannel s) throws IOException {
            while (true) {
                rx.clear();
                if (s.receive(rx) == null) {
                    return;
                }
                answers++;
                bytesBack += rx.position();
            }
        }

        @Override
        public void close() throws IOException {
            for (DatagramChannel s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
