package org.tutti.server.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The server's one UDP socket (protocol doc §1), non-blocking, plus a selector so the idle engine can sleep until
 * a datagram arrives. Like Jamulus: IPv4 only unless {@code -6} (then one dual-stack socket) or an IPv6
 * {@code --serverbindip}; the TOS byte of {@code -Q}. Send errors are counted, never thrown.
 */
final class ServerSocket implements AutoCloseable {
    private final DatagramChannel channel;
    private final Selector selector;
    private final EngineCounters counters;

    ServerSocket(ServerConfig config, EngineCounters counters) throws IOException {
        this.counters = counters;
        InetAddress bind = config.bindAddress();
        boolean ipv6 = bind instanceof Inet6Address || (bind == null && config.enableIpv6());
        channel = DatagramChannel.open(ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.setOption(StandardSocketOptions.IP_TOS, config.qosTos());
            channel.bind(new InetSocketAddress(bind, config.port()));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The next datagram into {@code buffer} (cleared first), or null if none is waiting. */
    InetSocketAddress receive(ByteBuffer buffer) {
        buffer.clear();
        try {
            return (InetSocketAddress) channel.receive(buffer);
        } catch (IOException e) {
            return null; // e.g. ICMP port unreachable reported on the socket; try again next tick
        }
    }

    /** Sleeps until a datagram arrives, {@link #wakeup()} is called, or {@code timeoutMs} pass. */
    void awaitReadable(long timeoutMs) {
        try {
            selector.select(timeoutMs);
            selector.selectedKeys().clear();
        } catch (IOException e) {
            java.util.concurrent.locks.LockSupport.parkNanos(timeoutMs * 1_000_000L);
        }
    }

    void wakeup() {
        selector.wakeup();
    }

    /** Sends a control frame (allocates a buffer view: control rate only). */
    void send(InetSocketAddress to, byte[] frame, int offset, int length) {
        if (to != null) {
            send(to, ByteBuffer.wrap(frame, offset, length));
        }
    }

    /** Sends {@code buffer}'s remaining bytes; used with preallocated buffers on the audio path. */
    void send(InetSocketAddress to, ByteBuffer buffer) {
        try {
            channel.send(buffer, to);
            counters.packetsOut++;
        } catch (IOException e) {
            counters.sendErrors++;
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
