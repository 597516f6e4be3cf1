package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both socket implementations over real UDP on the loopback interface. */
class BatchUdpSocketTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static BatchUdpSocket open(String impl, UdpSocketConfig config) throws IOException {
        return impl.equals("ffm") ? LinuxUdpSocket.open(config) : NioUdpSocket.open(config);
    }

    /** Everything waiting, as "sender-port:text" strings, polling until {@code expected} arrived or 5 s passed. */
    private static List<String> receiveAll(BatchUdpSocket s, int expected, Map<Long, UdpEndpoint> keys) {
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[65536];
        long end = System.nanoTime() + 5_000_000_000L;
        while (got.size() < expected && System.nanoTime() < end) {
            int n = s.receive();
            if (n == 0) {
                s.awaitReadable(50);
            }
            for (int i = 0; i < n; i++) {
                int len = s.copy(i, buf, 0);
                assertThat(len).isEqualTo(s.length(i));
                UdpEndpoint from = s.sender(i);
                assertThat(s.senderKey(i)).isEqualTo(from.key());
                assertThat(s.senderIs(i, from)).isTrue();
                keys.put(s.senderKey(i), from);
                got.add(from.port() + ":" + new String(buf, 0, len, StandardCharsets.UTF_8));
            }
        }
        return got;
    }

    @Test
    void nativeSocketIsAvailableOnThisLinuxMachine() {
        assertThat(LinuxUdpSocket.unavailableReason()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void receivesBatchesFromAlternatingSendersWithTheirKeys(String impl) throws Exception {
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(LOOPBACK, 0));
             DatagramSocket a = new DatagramSocket(0, LOOPBACK);
             DatagramSocket b = new DatagramSocket(0, LOOPBACK);
             DatagramSocket c = new DatagramSocket(0, LOOPBACK)) {
            DatagramSocket[] senders = {a, b, c};
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 150; k++) { // more than two batches of 64
                DatagramSocket from = senders[k % 3];
                byte[] text = ("m" + k).getBytes(StandardCharsets.UTF_8);
                from.send(new DatagramPacket(text, text.length, new InetSocketAddress(LOOPBACK, s.localPort())));
                expected.add(from.getLocalPort() + ":m" + k);
            }
            Map<Long, UdpEndpoint> keys = new HashMap<>();
            assertThat(receiveAll(s, 150, keys)).containsExactlyElementsOf(expected);
            assertThat(keys).hasSize(3);
            for (DatagramSocket from : senders) {
                UdpEndpoint peer = UdpEndpoint.of((InetSocketAddress) from.getLocalSocketAddress());
                assertThat(keys.get(peer.key())).isEqualTo(peer);
                assertThat(keys.get(peer.key()).address()).isEqualTo(from.getLocalSocketAddress());
                assertThat(peer.key()).as("IPv4 keys are address << 16 | port").isEqualTo(
                        (0x7F000001L << 16) | from.getLocalPort());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void sendsBatchesLargerThanOneSendmmsg(String impl) throws Exception {
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(LOOPBACK, 0));
             DatagramSocket a = new DatagramSocket(0, LOOPBACK);
             DatagramSocket b = new DatagramSocket(0, LOOPBACK)) {
            a.setSoTimeout(5000);
            b.setSoTimeout(5000);
            UdpEndpoint toA = UdpEndpoint.of((InetSocketAddress) a.getLocalSocketAddress());
            UdpEndpoint toB = UdpEndpoint.of((InetSocketAddress) b.getLocalSocketAddress());
            SendBatch batch = s.newSendBatch();
            byte[] payload = new byte[46];
            for (int k = 0; k < 100; k++) {
                payload[0] = (byte) k;
                batch.add(k % 2 == 0 ? toA : toB, payload, 0, payload.length);
                payload[0] = -1; // the batch copied the bytes: changing them now must not change what is sent
            }
            batch.flush();
            assertThat(batch.takeSent()).isEqualTo(100);
            assertThat(batch.takeErrors()).isZero();
            for (int k = 0; k < 100; k++) {
                DatagramPacket p = new DatagramPacket(new byte[100], 100);
                (k % 2 == 0 ? a : b).receive(p);
                assertThat(p.getLength()).isEqualTo(46);
                assertThat(p.getData()[0]).isEqualTo((byte) k);
                assertThat(p.getPort()).isEqualTo(s.localPort());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void dualStackSocketServesIpv4AndIpv6Peers(String impl) throws Exception {
        InetAddress v6Loopback = InetAddress.getByName("::1");
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(null, 0).withIpv6(true));
             DatagramSocket v4 = new DatagramSocket(0, LOOPBACK);
             DatagramSocket v6 = new DatagramSocket(0, v6Loopback)) {
            v4.setSoTimeout(5000);
            v6.setSoTimeout(5000);
            byte[] hello = "hi".getBytes(StandardCharsets.UTF_8);
            v4.send(new DatagramPacket(hello, 2, new InetSocketAddress(LOOPBACK, s.localPort())));
            v6.send(new DatagramPacket(hello, 2, new InetSocketAddress(v6Loopback, s.localPort())));
            Map<Long, UdpEndpoint> keys = new HashMap<>();
            assertThat(receiveAll(s, 2, keys)).hasSize(2);
            UdpEndpoint fromV4 = UdpEndpoint.of((InetSocketAddress) v4.getLocalSocketAddress());
            UdpEndpoint fromV6 = UdpEndpoint.of((InetSocketAddress) v6.getLocalSocketAddress());
            assertThat(fromV4.key()).isPositive();
            assertThat(fromV6.key()).isNegative();
            assertThat(keys.get(fromV4.key()).address().getAddress()).isInstanceOf(Inet4Address.class);
            assertThat(keys.get(fromV6.key()).address().getAddress()).isInstanceOf(Inet6Address.class);
            assertThat(keys.get(fromV6.key())).isEqualTo(fromV6);
            // Answers reach both, the IPv4 peer through its mapped address.
            SendBatch batch = s.newSendBatch();
            batch.add(keys.get(fromV4.key()), hello, 0, 2);
            batch.add(keys.get(fromV6.key()), hello, 0, 2);
            batch.flush();
            assertThat(batch.takeSent()).isEqualTo(2);
            DatagramPacket p = new DatagramPacket(new byte[10], 10);
            v4.receive(p);
            assertThat(p.getLength()).isEqualTo(2);
            v6.receive(p);
            assertThat(p.getLength()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void oversizedDatagramsAreDroppedAndCounted(String impl) throws Exception {
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(LOOPBACK, 0).withMaxDatagramBytes(100));
             DatagramSocket a = new DatagramSocket(0, LOOPBACK)) {
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, s.localPort());
            a.send(new DatagramPacket(new byte[150], 150, to));
            a.send(new DatagramPacket(new byte[100], 100, to));
            a.send(new DatagramPacket(new byte[101], 101, to));
            byte[] last = "last".getBytes(StandardCharsets.UTF_8);
            a.send(new DatagramPacket(last, last.length, to));
            List<String> got = receiveAll(s, 2, new HashMap<>());
            assertThat(got).hasSize(2);
            assertThat(got.get(1)).endsWith(":last");
            assertThat(s.truncatedDatagrams()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void refusedDatagramsAreCountedAndTheRestOfTheBatchIsSent(String impl) throws Exception {
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(LOOPBACK, 0));
             DatagramSocket a = new DatagramSocket(0, LOOPBACK)) {
            a.setSoTimeout(5000);
            UdpEndpoint toA = UdpEndpoint.of((InetSocketAddress) a.getLocalSocketAddress());
            // Refused locally, nothing leaves the machine: broadcast without SO_BROADCAST (EACCES), and an IPv6
            // peer on an IPv4 socket.
            UdpEndpoint broadcast = UdpEndpoint.of(new InetSocketAddress(InetAddress.getByName("255.255.255.255"), 9));
            UdpEndpoint v6 = UdpEndpoint.of(new InetSocketAddress(InetAddress.getByName("::1"), 9));
            SendBatch batch = s.newSendBatch();
            byte[] one = {1};
            batch.add(toA, one, 0, 1);
            batch.add(broadcast, one, 0, 1);
            batch.add(v6, one, 0, 1);
            batch.add(toA, new byte[] {2}, 0, 1);
            batch.flush();
            assertThat(batch.takeSent()).isEqualTo(2);
            assertThat(batch.takeErrors()).isEqualTo(2);
            DatagramPacket p = new DatagramPacket(new byte[10], 10);
            a.receive(p);
            assertThat(p.getData()[0]).isEqualTo((byte) 1);
            a.receive(p);
            assertThat(p.getData()[0]).isEqualTo((byte) 2);
            assertThat(s.send(broadcast, one, 0, 1)).isFalse();
            assertThat(s.sendErrors()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void wakeupEndsAWait(String impl) throws Exception {
        try (BatchUdpSocket s = open(impl, UdpSocketConfig.ipv4(LOOPBACK, 0))) {
            Thread waiter = Thread.ofPlatform().start(() -> s.awaitReadable(60_000));
            Thread.sleep(100);
            s.wakeup();
            waiter.join(10_000);
            assertThat(waiter.isAlive()).as("still waiting after wakeup").isFalse();
        }
    }

    @Test
    void nativeReceiveAndBatchSendAllocateNothing() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (BatchUdpSocket s = LinuxUdpSocket.open(UdpSocketConfig.ipv4(LOOPBACK, 0));
             DatagramSocket a = new DatagramSocket(0, LOOPBACK);
             DatagramSocket b = new DatagramSocket(0, LOOPBACK)) {
            UdpEndpoint toA = UdpEndpoint.of((InetSocketAddress) a.getLocalSocketAddress());
            SendBatch batch = s.newSendBatch();
            byte[] buf = new byte[2048];
            long[] sink = new long[1];
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, s.localPort());
            DatagramPacket packet = new DatagramPacket(new byte[46], 46, to);
            Runnable round = () -> {
                int n = s.receive();
                for (int i = 0; i < n; i++) {
                    sink[0] += s.copy(i, buf, 0) + s.senderKey(i) + (s.senderIs(i, toA) ? 1 : 0);
                }
                batch.add(toA, buf, 0, 46);
                batch.flush();
            };
            for (int k = 0; k < 50_000; k++) { // warm up (JIT: downcalls allocate until compiled) with alternating senders
                (k % 2 == 0 ? a : b).send(packet);
                round.run();
            }
            // Steady state: some window of 1000 rounds (each with datagrams from alternating senders) allocates
            // nothing at all. Up to 10 windows, so a late JIT compilation does not fail the test.
            long bytes = -1;
            for (int window = 0; window < 10 && bytes != 0; window++) {
                for (int k = 0; k < 200; k++) {
                    (k % 2 == 0 ? a : b).send(packet);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < 1000; k++) {
                    round.run();
                }
                bytes = threads.getCurrentThreadAllocatedBytes() - before;
            }
            assertThat(sink[0]).isNotZero();
            assertThat(bytes).as("bytes allocated by 1000 receive+send rounds").isZero();
        }
    }
}
