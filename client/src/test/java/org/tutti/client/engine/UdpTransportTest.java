package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MessageCodec;
import org.tutti.testing.Await;

/** The client's transport over real UDP: audio to the ring, protocol frames to the control thread, both directions. */
class UdpTransportTest {
    @Test
    void sortsTheServersDatagramsAndSendsBothKinds() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        PacketRing ring = new PacketRing(16);
        ConcurrentLinkedQueue<byte[]> frames = new ConcurrentLinkedQueue<>();
        AtomicInteger audioArrivals = new AtomicInteger();
        try (DatagramSocket server = new DatagramSocket(0, loopback);
             UdpTransport transport = new UdpTransport(new InetSocketAddress(loopback, server.getLocalPort()), 0,
                     ring, frames::add, audioArrivals::incrementAndGet)) {
            // on this Linux machine the native socket is used (the JDK channel is the fallback elsewhere)
            assertThat(transport.socketImplementation()).isEqualTo("linux-ffm");
            server.setSoTimeout(5000);
            byte[] audio = new byte[46];
            Arrays.fill(audio, (byte) 0x55);
            transport.send(audio, audio.length);
            byte[] ping = MessageCodec.encodeFrame(new ConnectionlessMessage.PingMs(1234), 0);
            transport.sendFrame(ping, 0, ping.length);
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            server.receive(p);
            assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(audio);
            server.receive(p);
            assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(ping);
            assertThat(transport.bytesSent).isEqualTo(audio.length);

            InetSocketAddress client = new InetSocketAddress(loopback, transport.localPort());
            server.send(new DatagramPacket(audio, audio.length, client));
            server.send(new DatagramPacket(ping, ping.length, client));
            Await.until("both datagrams sorted", () -> audioArrivals.get() == 1 && frames.size() == 1);
            assertThat(frames.peek()).isEqualTo(ping);
            byte[] polled = new byte[PacketRing.SLOT_BYTES];
            assertThat(ring.poll(polled)).isEqualTo(audio.length);
            assertThat(transport.lastAudioNanos).isNotZero();
        }
    }
}
