package org.tutti.server.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.tutti.net.BatchUdpSocket;
import org.tutti.net.SendBatch;
import org.tutti.net.UdpEndpoint;
import org.tutti.net.UdpSocketConfig;

/**
 * The server's one UDP socket (protocol doc §1) as the engine uses it: a {@link BatchUdpSocket} (native batches on
 * Linux, the JDK elsewhere). Like Jamulus: IPv4 only unless {@code -6} (then one dual-stack socket) or an IPv6
 * {@code --serverbindip}; the TOS byte of {@code -Q}; datagrams up to Jamulus's 20000-byte receive buffer. Single
 * sends are counted here; audio goes out through per-thread {@link SendBatch batches} that {@link AudioTick} counts.
 */
final class ServerSocket implements AutoCloseable {
    /** Datagrams per receive call and per send batch. */
    static final int BATCH = 64;
    /** Jamulus's MAX_SIZE_BYTES_NETW_BUF: longer datagrams are dropped (counted as garbage). */
    static final int MAX_DATAGRAM_BYTES = 20000;
    /**
     * Asked of the kernel for SO_RCVBUF (it caps at net.core.rmem_max): at 150 clients, or under a garbage flood, a
     * stalled engine thread must not make the kernel drop musicians' audio after a few milliseconds.
     */
    static final int RECEIVE_BUFFER_BYTES = 4 << 20;

    private final BatchUdpSocket socket;
    private final EngineCounters counters;
    private long truncatedSeen;

    ServerSocket(ServerConfig config, EngineCounters counters) throws IOException {
        this.counters = counters;
        InetAddress bind = config.bindAddress();
        boolean ipv6 = bind instanceof Inet6Address || (bind == null && config.enableIpv6());
        socket = BatchUdpSocket.open(new UdpSocketConfig(bind, config.port(), ipv6, config.qosTos(),
                RECEIVE_BUFFER_BYTES, BATCH, MAX_DATAGRAM_BYTES));
    }

    /** The socket itself, for the engine's receive loop (engine thread). */
    BatchUdpSocket raw() {
        return socket;
    }

    int port() {
        return socket.localPort();
    }

    /** Receives up to one batch (see {@link BatchUdpSocket#receive}); oversized datagrams count as garbage. */
    int receive() {
        int n = socket.receive();
        long truncated = socket.truncatedDatagrams();
        if (truncated != truncatedSeen) {
            counters.garbageDatagrams += truncated - truncatedSeen;
            truncatedSeen = truncated;
        }
        return n;
    }

    /** Sleeps until a datagram arrives, {@link #wakeup()} is called, or {@code timeoutMs} pass. */
    void awaitReadable(long timeoutMs) {
        socket.awaitReadable(timeoutMs);
    }

    void wakeup() {
        socket.wakeup();
    }

    /** A send batch for one audio thread. */
    SendBatch newSendBatch() {
        return socket.newSendBatch();
    }

    /** Sends a control frame to a known peer (engine thread). */
    void send(UdpEndpoint to, byte[] frame, int offset, int length) {
        if (to != null) {
            count(socket.send(to, frame, offset, length));
        }
    }

    /** Sends a control frame to any address (allocates: control rate only). */
    void send(InetSocketAddress to, byte[] frame, int offset, int length) {
        if (to != null) {
            boolean ok;
            try {
                ok = socket.send(to, frame, offset, length);
            } catch (IllegalArgumentException e) {
                ok = false; // unresolved address
            }
            count(ok);
        }
    }

    private void count(boolean sent) {
        if (sent) {
            counters.packetsOut++;
        } else {
            counters.sendErrors++;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
