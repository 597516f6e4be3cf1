package org.tutti.net;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A UDP socket connected to one peer (the client's socket to its server): the kernel drops datagrams from anyone
 * else. On Linux it is a plain file descriptor driven through the FFM API (one {@code send} per datagram, a blocking
 * {@code recv} on the receive thread); elsewhere, or when FFM is unavailable, a {@link java.nio.channels.DatagramChannel}.
 * The native one spares the audio thread NIO's per-call locks and interruptible bookkeeping.
 */
public interface ConnectedUdpSocket extends AutoCloseable {
    /** Jamulus's default DSCP CS4. */
    int TOS_CS4 = 128;

    /**
     * Opens a socket bound to {@code localPort} (0: any) of the wildcard address of the peer's family, connected to
     * {@code peer}. {@code tutti.clientSocket=nio} forces the JDK socket.
     */
    static ConnectedUdpSocket open(InetSocketAddress peer, int localPort) throws IOException {
        if (!"nio".equals(System.getProperty("tutti.clientSocket"))
                && LinuxConnectedUdpSocket.unavailableReason() == null) {
            return LinuxConnectedUdpSocket.open(peer, localPort);
        }
        return NioConnectedUdpSocket.open(peer, localPort);
    }

    /** "linux-ffm" or "nio". */
    String implementation();

    int localPort();

    /**
     * Receive thread: waits for the next datagram and copies it into {@code into}, cut to its length. Returns its
     * length, 0 when a receive failed (e.g. an ICMP port unreachable from the peer; try again), −1 once closed.
     */
    int receive(byte[] into);

    /** A sender with its own buffer, for one thread: the audio thread sends without allocating or locking. */
    Sender newSender();

    /** Wakes a waiting {@link #receive} (it returns −1) and releases the socket. */
    @Override
    void close();

    /** Sends datagrams from one thread. */
    interface Sender {
        /** Sends one datagram; false when the kernel refused it. */
        boolean send(byte[] data, int offset, int length);
    }
}
