package org.tutti.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** {@link ConnectedUdpSocket} through a {@link DatagramChannel}: every platform. */
final class NioConnectedUdpSocket implements ConnectedUdpSocket {
    private final DatagramChannel channel;
    private final ByteBuffer in;
    private volatile boolean closed;

    private NioConnectedUdpSocket(DatagramChannel channel, int maxBytes) {
        this.channel = channel;
        this.in = ByteBuffer.allocateDirect(maxBytes);
    }

    static NioConnectedUdpSocket open(InetSocketAddress peer, int localPort) throws IOException {
        // An IPv4 server gets an IPv4 socket: a dual-stack IPv6 socket sends each datagram through the kernel's
        // IPv6 path before the IPv4 one (udpv6_sendmsg, seen in perf on the audio thread).
        boolean v4 = peer.getAddress() instanceof Inet4Address;
        DatagramChannel channel = v4 ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
        try {
            try {
                channel.setOption(StandardSocketOptions.IP_TOS, TOS_CS4);
            } catch (IOException | UnsupportedOperationException e) {
                // QoS marking is a nicety; some platforms refuse it
            }
            channel.bind(v4 ? new InetSocketAddress(InetAddress.getByAddress(new byte[4]), localPort)
                    : new InetSocketAddress(localPort));
            channel.connect(peer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new NioConnectedUdpSocket(channel, org.tutti.protocol.Frame.MAX_DATAGRAM_BYTES);
    }

    @Override
    public String implementation() {
        return "nio";
    }

    @Override
    public int localPort() {
        return NioUdpSocket.boundPort(channel);
    }

    @Override
    public int receive(byte[] into) {
        try {
            in.clear();
            int n = channel.read(in);
            if (n <= 0) {
                return 0;
            }
            in.flip();
            n = Math.min(n, into.length);
            in.get(into, 0, n);
            return n;
        } catch (ClosedChannelException e) {
            return -1;
        } catch (IOException | RuntimeException e) {
            return closed ? -1 : 0; // e.g. PortUnreachableException: the server is not (yet) listening
        }
    }

    @Override
    public Sender newSender() {
        ByteBuffer out = ByteBuffer.allocateDirect(org.tutti.protocol.Frame.MAX_DATAGRAM_BYTES);
        return (data, offset, length) -> {
            try {
                out.clear();
                out.put(data, offset, length).flip();
                channel.write(out);
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
