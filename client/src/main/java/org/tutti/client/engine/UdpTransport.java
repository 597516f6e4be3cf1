package org.tutti.client.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.function.Consumer;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Frame;

/**
 * The client's one UDP socket, connected to the server so that only the server's datagrams are received (Jamulus
 * accepts audio only from the exact server address). A receive thread sorts datagrams as Jamulus does: valid
 * protocol frames go to the control thread, everything else is audio and goes into the {@link PacketRing} for the
 * audio thread. Audio is sent from the audio thread through a preallocated direct buffer.
 */
final class UdpTransport implements PacketSender, AutoCloseable {
    private final DatagramChannel channel;
    private final PacketRing ring;
    private final Consumer<byte[]> protocolFrames;
    private final Runnable audioArrived;
    private final ByteBuffer audioOut = ByteBuffer.allocateDirect(PacketRing.SLOT_BYTES);
    private final Thread receiver;
    private volatile boolean closed;
    volatile long lastAudioNanos;
    volatile long sendErrors;
    volatile long bytesSent;

    UdpTransport(InetSocketAddress server, int localPort, PacketRing ring, Consumer<byte[]> protocolFrames,
                 Runnable audioArrived) throws IOException {
        this.ring = ring;
        this.protocolFrames = protocolFrames;
        this.audioArrived = audioArrived;
        // An IPv4 server gets an IPv4 socket: a dual-stack IPv6 socket sends each datagram through the kernel's
        // IPv6 path before the IPv4 one (udpv6_sendmsg, seen in perf on the audio thread).
        channel = server.getAddress() instanceof Inet4Address
                ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.IP_TOS, 128); // Jamulus's default DSCP CS4
        } catch (IOException | UnsupportedOperationException e) {
            // QoS marking is a nicety; some platforms refuse it
        }
        channel.bind(server.getAddress() instanceof Inet4Address
                ? new InetSocketAddress(InetAddress.getByAddress(new byte[4]), localPort)
                : new InetSocketAddress(localPort));
        channel.connect(server);
        receiver = new Thread(this::receiveLoop, "tutti-client-receive");
        receiver.setDaemon(true);
        receiver.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
    }

    int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void receiveLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(Frame.MAX_DATAGRAM_BYTES);
        byte[] bytes = new byte[Frame.MAX_DATAGRAM_BYTES];
        while (!closed) {
            try {
                in.clear();
                int n = channel.read(in);
                if (n <= 0) {
                    continue;
                }
                in.flip();
                in.get(bytes, 0, n);
                if (DatagramKind.classify(bytes, 0, n) == DatagramKind.AUDIO) {
                    lastAudioNanos = System.nanoTime();
                    ring.offer(bytes, 0, n);
                    audioArrived.run();
                } else {
                    protocolFrames.accept(Arrays.copyOf(bytes, n));
                }
            } catch (PortUnreachableException e) {
                // the server is not (yet) listening; keep going, the 30 s silence rule decides
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Audio thread: sends one packet without allocating. */
    @Override
    public void send(byte[] data, int length) {
        try {
            audioOut.clear();
            audioOut.put(data, 0, length).flip();
            channel.write(audioOut);
            bytesSent += length;
        } catch (IOException e) {
            sendErrors++;
        }
    }

    /** Control thread: sends a protocol frame. */
    void sendFrame(byte[] frame, int offset, int length) {
        try {
            channel.write(ByteBuffer.wrap(frame, offset, length));
        } catch (IOException e) {
            sendErrors++;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
