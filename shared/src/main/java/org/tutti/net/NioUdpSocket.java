package org.tutti.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link BatchUdpSocket} on the JDK's {@link DatagramChannel}: the portable fallback. A "batch" is a loop of single
 * receives; the JDK allocates the sender's address for (almost) every datagram when senders alternate, and so does
 * the sender key computed from it.
 */
final class NioUdpSocket implements BatchUdpSocket {
    private final DatagramChannel channel;
    private final Selector selector;
    private final int maxBytes;
    private final ByteBuffer[] slots;
    private final UdpEndpoint[] senders;
    private final int[] lengths;
    private long truncated;
    private long receiveErrors;
    private final NioSendBatch single;

    private NioUdpSocket(UdpSocketConfig config) throws IOException {
        maxBytes = config.maxDatagramBytes();
        channel = DatagramChannel.open(config.ipv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            channel.setOption(StandardSocketOptions.SO_SNDBUF, config.receiveBufferBytes());
            channel.setOption(StandardSocketOptions.IP_TOS, config.tos());
            channel.bind(new InetSocketAddress(config.bindAddress(), config.port()));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        slots = new ByteBuffer[config.batchSize()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = ByteBuffer.allocate(maxBytes + 1); // one byte more shows truncation
        }
        senders = new UdpEndpoint[slots.length];
        lengths = new int[slots.length];
        single = new NioSendBatch(Math.max(maxBytes, 1500));
    }

    static NioUdpSocket open(UdpSocketConfig config) throws IOException {
        return new NioUdpSocket(config);
    }

    @Override
    public String implementation() {
        return "nio";
    }

    @Override
    public int localPort() {
        return boundPort(channel);
    }

    /** The local port {@code channel} is bound to, or -1. */
    static int boundPort(DatagramChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int receive() {
        int n = 0;
        while (n < slots.length) {
            ByteBuffer b = slots[n].clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(b);
            } catch (IOException e) {
                receiveErrors++; // e.g. ICMP port unreachable reported on the socket
                break;
            }
            if (from == null) {
                break;
            }
            if (b.position() > maxBytes) {
                truncated++;
                continue;
            }
            senders[n] = UdpEndpoint.of(from);
            lengths[n] = b.position();
            n++;
        }
        return n;
    }

    @Override
    public int length(int i) {
        return lengths[i];
    }

    @Override
    public int copy(int i, byte[] dst, int offset) {
        System.arraycopy(slots[i].array(), 0, dst, offset, lengths[i]);
        return lengths[i];
    }

    @Override
    public long senderKey(int i) {
        return senders[i].key();
    }

    @Override
    public boolean senderIs(int i, UdpEndpoint peer) {
        return senders[i].equals(peer);
    }

    @Override
    public UdpEndpoint sender(int i) {
        return senders[i];
    }

    @Override
    public boolean send(UdpEndpoint to, byte[] data, int offset, int length) {
        single.add(to, data, offset, length);
        return single.takeSent() == 1;
    }

    @Override
    public SendBatch newSendBatch() {
        return new NioSendBatch(1536);
    }

    @Override
    public void awaitReadable(long timeoutMs) {
        try {
            selector.select(timeoutMs);
            selector.selectedKeys().clear();
        } catch (IOException e) {
            LockSupport.parkNanos(timeoutMs * 1_000_000L);
        }
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public long truncatedDatagrams() {
        return truncated;
    }

    @Override
    public long receiveErrors() {
        return receiveErrors;
    }

    @Override
    public long sendErrors() {
        return single.errorsTotal;
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

    /** Sends at once (the JDK has no batch send); copies into its own reused buffer. */
    private final class NioSendBatch implements SendBatch {
        private final ByteBuffer buffer;
        private int sent;
        private int errors;
        private long errorsTotal;

        NioSendBatch(int slotBytes) {
            buffer = ByteBuffer.allocate(slotBytes);
        }

        @Override
        public void add(UdpEndpoint to, byte[] data, int offset, int length) {
            try {
                if (length > buffer.capacity()) {
                    channel.send(ByteBuffer.wrap(data, offset, length), to.address());
                } else {
                    buffer.clear();
                    buffer.put(data, offset, length).flip();
                    channel.send(buffer, to.address());
                }
                sent++;
            } catch (IOException | RuntimeException e) {
                errors++;
                errorsTotal++;
            }
        }

        @Override
        public int flush() {
            return 0;
        }

        @Override
        public int takeSent() {
            int s = sent;
            sent = 0;
            return s;
        }

        @Override
        public int takeErrors() {
            int e = errors;
            errors = 0;
            return e;
        }
    }
}
