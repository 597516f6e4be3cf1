package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both implementations of the client's connected socket over real UDP on the loopback interface. */
class ConnectedUdpSocketTest {
    private static ConnectedUdpSocket open(String impl, InetSocketAddress peer, int localPort) throws IOException {
        return impl.equals("ffm") ? LinuxConnectedUdpSocket.open(peer, localPort)
                : NioConnectedUdpSocket.open(peer, localPort);
    }

    private static InetSocketAddress address(DatagramSocket s, InetAddress host) {
        return new InetSocketAddress(host, s.getLocalPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void sendsToItsPeerAndReceivesOnlyFromIt(String impl) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(0, loopback);
             DatagramSocket stranger = new DatagramSocket(0, loopback);
             ConnectedUdpSocket client = open(impl, address(server, loopback), 0)) {
            assertThat(client.implementation()).isEqualTo(impl.equals("ffm") ? "linux-ffm" : "nio");
            server.setSoTimeout(5000);
            ConnectedUdpSocket.Sender sender = client.newSender();
            assertThat(sender.send("xhellox".getBytes(StandardCharsets.US_ASCII), 1, 5)).isTrue();
            DatagramPacket p = new DatagramPacket(new byte[100], 100);
            server.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(p.getPort()).isEqualTo(client.localPort());

            InetSocketAddress clientAddress = new InetSocketAddress(loopback, client.localPort());
            byte[] other = "stranger".getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(other, other.length, clientAddress));
            byte[] reply = "reply".getBytes(StandardCharsets.US_ASCII);
            server.send(new DatagramPacket(reply, reply.length, clientAddress));
            byte[] into = new byte[100];
            int n = client.receive(into);
            assertThat(new String(into, 0, n, StandardCharsets.US_ASCII)).isEqualTo("reply");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void worksOverIpv6(String impl) throws Exception {
        InetAddress loopback = InetAddress.getByName("::1");
        try (DatagramSocket server = new DatagramSocket(0, loopback);
             ConnectedUdpSocket client = open(impl, address(server, loopback), 0)) {
            server.setSoTimeout(5000);
            assertThat(client.newSender().send(new byte[] {1, 2, 3}, 0, 3)).isTrue();
            DatagramPacket p = new DatagramPacket(new byte[100], 100);
            server.receive(p);
            assertThat(p.getLength()).isEqualTo(3);
            server.send(new DatagramPacket(new byte[] {4, 5}, 2, p.getSocketAddress()));
            assertThat(client.receive(new byte[10])).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void closeWakesAWaitingReceiveAndLaterSendsFail(String impl) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(0, loopback)) {
            ConnectedUdpSocket client = open(impl, address(server, loopback), 0);
            ConnectedUdpSocket.Sender sender = client.newSender();
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> client.receive(new byte[10]));
            Thread.sleep(200); // let the receive block (no assertion depends on it)
            client.close();
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(sender.send(new byte[] {1}, 0, 1)).isFalse();
            assertThat(client.receive(new byte[10])).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void aClosedPortUnreachableServerDoesNotEndReceiving(String impl) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        DatagramSocket gone = new DatagramSocket(0, loopback);
        InetSocketAddress goneAddress = address(gone, loopback);
        gone.close();
        try (ConnectedUdpSocket client = open(impl, goneAddress, 0)) {
            client.newSender().send(new byte[] {1}, 0, 1); // draws an ICMP port unreachable
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> client.receive(new byte[10]));
            // the refused send surfaces as a failed receive (0), never as the end (-1)
            assertThat(received.get(5, TimeUnit.SECONDS)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nio"})
    void aFixedLocalPortIsFreeAgainAfterClose(String impl) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(0, loopback)) {
            int port;
            try (ConnectedUdpSocket first = open(impl, address(server, loopback), 0)) {
                port = first.localPort();
            }
            try (ConnectedUdpSocket second = open(impl, address(server, loopback), port)) {
                assertThat(second.localPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void nativeSendAndReceiveAllocateNothing() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket server = new DatagramSocket(0, loopback);
             ConnectedUdpSocket client = LinuxConnectedUdpSocket.open(address(server, loopback), 0)) {
            // the "server" is the client itself: what it sends comes back to it
            DatagramSocket peer = server;
            ConnectedUdpSocket.Sender sender = client.newSender();
            byte[] out = new byte[46];
            byte[] in = new byte[2048];
            DatagramPacket packet = new DatagramPacket(new byte[46], 46,
                    new InetSocketAddress(loopback, client.localPort()));
            long[] sink = new long[1];
            Runnable round = () -> {
                sender.send(out, 0, out.length);
                sink[0] += client.receive(in);
            };
            peer.setSoTimeout(5000);
            DatagramPacket drop = new DatagramPacket(new byte[100], 100);
            for (int k = 0; k < 50_000; k++) { // warm up: downcalls allocate until compiled
                peer.send(packet);
                round.run();
                peer.receive(drop);
            }
            long bytes = -1;
            for (int window = 0; window < 10 && bytes != 0; window++) {
                for (int k = 0; k < 200; k++) {
                    peer.send(packet);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < 200; k++) {
                    round.run();
                }
                bytes = threads.getCurrentThreadAllocatedBytes() - before;
                for (int k = 0; k < 200; k++) {
                    peer.receive(drop);
                }
            }
            assertThat(bytes).isZero();
            assertThat(sink[0]).isPositive();
        }
    }
}
