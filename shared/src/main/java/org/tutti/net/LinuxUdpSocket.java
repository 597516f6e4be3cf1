package org.tutti.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.tutti.net.LinuxSyscalls.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * {@link BatchUdpSocket} on Linux through the FFM API: {@code recvmmsg} fills up to one batch of preallocated native
 * slots per call, {@code sendmmsg} sends {@link NativeSendBatch batches}, {@code poll} on the socket and an
 * {@code eventfd} replaces the selector. Nothing on the receive or send path allocates on the Java heap.
 */
final class LinuxUdpSocket implements BatchUdpSocket {
    private static final String UNAVAILABLE = probe();

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final int wakeFd;
    private final boolean ipv6;
    private final int batch;
    private final int maxBytes;
    private final MemorySegment rxMsgs;
    private final MemorySegment rxNames;
    private final MemorySegment rxData;
    private final int[] index;
    private final int[] lengths;
    private int lastReceived;
    private final MemorySegment rxErrno;
    private final LinuxSyscalls.ErrnoReader rxErrnoReader = new LinuxSyscalls.ErrnoReader();
    private final MemorySegment pollFds;
    private final MemorySegment wakeValue;
    private final MemorySegment wakeErrno;
    private final MemorySegment drain;
    private final NativeSendBatch single;
    private long truncated;
    private long receiveErrors;
    private volatile boolean closed;

    private LinuxUdpSocket(UdpSocketConfig config) throws IOException {
        this.ipv6 = config.ipv6();
        this.batch = config.batchSize();
        this.maxBytes = config.maxDatagramBytes();
        this.rxErrno = newErrnoSegment(arena);
        this.wakeErrno = newErrnoSegment(arena);
        this.fd = checked("socket", (int) invoke(() -> (int) SOCKET.invokeExact(rxErrno,
                ipv6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)));
        int eventFd = -1;
        try {
            if (ipv6) {
                setInt(IPPROTO_IPV6, IPV6_V6ONLY, 0, "IPV6_V6ONLY");
                setInt(IPPROTO_IPV6, IPV6_TCLASS, config.tos(), "IPV6_TCLASS");
                try {
                    setInt(IPPROTO_IP, IP_TOS, config.tos(), "IP_TOS"); // for IPv4 peers on the dual-stack socket
                } catch (IOException e) {
                    // an IPv6-only kernel: nothing to mark
                }
            } else {
                setInt(IPPROTO_IP, IP_TOS, config.tos(), "IP_TOS");
            }
            setInt(SOL_SOCKET, SO_RCVBUF, config.receiveBufferBytes(), "SO_RCVBUF");
            setInt(SOL_SOCKET, SO_SNDBUF, config.receiveBufferBytes(), "SO_SNDBUF");
            MemorySegment name = arena.allocate(NAME_BYTES, 8);
            int nameLength = config.bindAddress() == null
                    ? SockAddr.write(name, 0, 0, 0, config.port(), 0, ipv6)
                    : SockAddr.write(name, 0, UdpEndpoint.of(new InetSocketAddress(config.bindAddress(),
                    config.port())), ipv6);
            if (nameLength < 0) {
                throw new IOException("cannot bind an IPv4 socket to " + config.bindAddress());
            }
            checked("bind", (int) invoke(() -> (int) BIND.invokeExact(rxErrno, fd, name, nameLength)));
            eventFd = checked("eventfd", (int) invoke(() -> (int) EVENTFD.invokeExact(rxErrno, 0,
                    EFD_NONBLOCK | EFD_CLOEXEC)));
        } catch (IOException | RuntimeException e) {
            closeFd(fd);
            arena.close();
            throw e;
        }
        this.wakeFd = eventFd;
        rxMsgs = arena.allocate((long) batch * MMSG_BYTES, 8);
        MemorySegment iovs = arena.allocate((long) batch * IOV_BYTES, 8);
        rxNames = arena.allocate((long) batch * NAME_BYTES, 8);
        rxData = arena.allocate((long) batch * maxBytes, 8);
        for (int i = 0; i < batch; i++) {
            long m = (long) i * MMSG_BYTES;
            iovs.set(ADDRESS, (long) i * IOV_BYTES, rxData.asSlice((long) i * maxBytes, maxBytes));
            iovs.set(JAVA_LONG, (long) i * IOV_BYTES + 8, maxBytes);
            rxMsgs.set(ADDRESS, m + MSG_NAME, rxNames.asSlice((long) i * NAME_BYTES, NAME_BYTES));
            rxMsgs.set(JAVA_INT, m + MSG_NAMELEN, NAME_BYTES);
            rxMsgs.set(ADDRESS, m + MSG_IOV, iovs.asSlice((long) i * IOV_BYTES, IOV_BYTES));
            rxMsgs.set(JAVA_LONG, m + MSG_IOVLEN, 1);
        }
        lastReceived = 0;
        index = new int[batch];
        lengths = new int[batch];
        pollFds = arena.allocate(16, 8);
        pollFds.set(JAVA_INT, 0, fd);
        pollFds.set(JAVA_SHORT, 4, POLLIN);
        pollFds.set(JAVA_INT, 8, wakeFd);
        pollFds.set(JAVA_SHORT, 12, POLLIN);
        wakeValue = arena.allocate(8, 8);
        wakeValue.set(JAVA_LONG, 0, 1L);
        drain = arena.allocate(8, 8);
        single = new NativeSendBatch(this, 1, Math.max(maxBytes, 1500));
    }

    /** Null when this platform can use the native socket, else why not. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    private static String probe() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux")) {
            return "not Linux";
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
            return "untested architecture " + arch;
        }
        try {
            Class.forName(LinuxSyscalls.class.getName()); // links every downcall
            return null;
        } catch (Throwable e) { // IllegalCallerException without native access, UnsatisfiedLinkError, ...
            Throwable cause = e instanceof ExceptionInInitializerError x && x.getCause() != null ? x.getCause() : e;
            return "FFM unavailable: " + cause;
        }
    }

    static LinuxUdpSocket open(UdpSocketConfig config) throws IOException {
        return new LinuxUdpSocket(config);
    }

    @Override
    public String implementation() {
        return "linux-ffm";
    }

    int fd() {
        return fd;
    }

    boolean ipv6() {
        return ipv6;
    }

    @Override
    public int localPort() {
        return boundPort(fd);
    }

    @Override
    public int receive() {
        for (int i = 0; i < lastReceived; i++) {
            rxMsgs.set(JAVA_INT, (long) i * MMSG_BYTES + MSG_NAMELEN, NAME_BYTES); // the kernel shortened it
        }
        int n;
        try {
            n = (int) RECVMMSG.invokeExact(fd, rxMsgs, batch, MSG_DONTWAIT, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (n <= 0) {
            lastReceived = 0;
            if (n < 0) {
                int errno = rxErrnoReader.read();
                if (errno != EAGAIN && errno != EINTR) {
                    receiveErrors++; // e.g. ECONNREFUSED left by an ICMP port unreachable: try again next time
                }
            }
            return 0;
        }
        lastReceived = n;
        int valid = 0;
        for (int i = 0; i < n; i++) {
            long m = (long) i * MMSG_BYTES;
            if ((rxMsgs.get(JAVA_INT, m + MSG_FLAGS) & MSG_TRUNC) != 0) {
                truncated++;
                continue;
            }
            index[valid] = i;
            lengths[valid] = rxMsgs.get(JAVA_INT, m + MMSG_LEN);
            valid++;
        }
        return valid;
    }

    @Override
    public int length(int i) {
        return lengths[i];
    }

    @Override
    public int copy(int i, byte[] dst, int offset) {
        int length = lengths[i];
        MemorySegment.copy(rxData, JAVA_BYTE, (long) index[i] * maxBytes, dst, offset, length);
        return length;
    }

    private long nameAt(int i) {
        return (long) index[i] * NAME_BYTES;
    }

    @Override
    public long senderKey(int i) {
        long at = nameAt(i);
        return UdpEndpoint.key(SockAddr.high(rxNames, at), SockAddr.low(rxNames, at), SockAddr.port(rxNames, at));
    }

    @Override
    public boolean senderIs(int i, UdpEndpoint peer) {
        long at = nameAt(i);
        return peer.is(SockAddr.high(rxNames, at), SockAddr.low(rxNames, at), SockAddr.port(rxNames, at));
    }

    @Override
    public UdpEndpoint sender(int i) {
        long at = nameAt(i);
        return UdpEndpoint.fromBits(SockAddr.high(rxNames, at), SockAddr.low(rxNames, at),
                SockAddr.port(rxNames, at), SockAddr.scopeId(rxNames, at));
    }

    @Override
    public boolean send(UdpEndpoint to, byte[] data, int offset, int length) {
        single.add(to, data, offset, length);
        return single.flush() == 1;
    }

    @Override
    public SendBatch newSendBatch() {
        return new NativeSendBatch(this, batch, 1536);
    }

    /** Allocates native memory for a batch; it lives as long as the socket. */
    MemorySegment allocate(long bytes) {
        return arena.allocate(bytes, 8);
    }

    @Override
    public void awaitReadable(long timeoutMs) {
        pollFds.set(JAVA_SHORT, 6, (short) 0);
        pollFds.set(JAVA_SHORT, 14, (short) 0);
        int r;
        try {
            r = (int) POLL.invokeExact(rxErrno, pollFds, 2L, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (r > 0 && (pollFds.get(JAVA_SHORT, 14) & POLLIN) != 0) {
            try {
                long ignored = (long) READ.invokeExact(rxErrno, wakeFd, drain, 8L); // reset the eventfd
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void wakeup() {
        if (closed) {
            return;
        }
        try {
            invoke(() -> (long) WRITE.invokeExact(wakeErrno, wakeFd, wakeValue, 8L));
        } catch (IllegalStateException closedMeanwhile) {
            // The owner closed the socket between the check and the write (its arena refuses the access): a
            // wakeup of a closed socket has nothing to wake. Seen when an engine stops on its own as close() asks.
        }
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
        return single.errorsTotal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeFd(fd);
        closeFd(wakeFd);
        arena.close();
    }

    private void setInt(int level, int option, int value, String what) throws IOException {
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        checked("setsockopt " + what, (int) invoke(() -> (int) SETSOCKOPT.invokeExact(rxErrno, fd, level, option, v,
                4)));
    }

    private int checked(String what, int result) throws IOException {
        if (result < 0) {
            throw new IOException(what + " failed, errno " + errno(rxErrno));
        }
        return result;
    }

    private void closeFd(int descriptor) {
        if (descriptor >= 0) {
            invoke(() -> (int) CLOSE.invokeExact(rxErrno, descriptor));
        }
    }
}
