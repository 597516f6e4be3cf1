package org.tutti.net;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.tutti.net.LinuxSyscalls.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.tutti.protocol.Frame;

/**
 * {@link ConnectedUdpSocket} on Linux through the FFM API: a blocking socket, {@code send} from preallocated native
 * buffers, {@code recv} into one. Closing shuts the socket down (which wakes a waiting {@code recv}) and closes the
 * descriptor only once no call is inside it, so a late send can never reach a reused descriptor.
 */
final class LinuxConnectedUdpSocket implements ConnectedUdpSocket {
    private final Arena arena = Arena.ofAuto(); // freed by the GC: no call can still be using it then
    private final int fd;
    private final MemorySegment errno = newErrnoSegment(arena);
    private final MemorySegment rx = arena.allocate(Frame.MAX_DATAGRAM_BYTES, 8);
    private final List<NativeSender> senders = new CopyOnWriteArrayList<>();
    private volatile boolean receiving;
    private volatile boolean closed;

    private LinuxConnectedUdpSocket(InetSocketAddress peer, int localPort) throws IOException {
        boolean ipv6 = !(peer.getAddress() instanceof Inet4Address);
        fd = checked("socket", (int) invoke(() -> (int) SOCKET.invokeExact(errno, ipv6 ? AF_INET6 : AF_INET,
                SOCK_DGRAM | SOCK_CLOEXEC, 0)));
        try {
            try {
                if (ipv6) {
                    setInt(IPPROTO_IPV6, IPV6_V6ONLY, 0, "IPV6_V6ONLY");
                    setInt(IPPROTO_IPV6, IPV6_TCLASS, TOS_CS4, "IPV6_TCLASS");
                }
                setInt(IPPROTO_IP, IP_TOS, TOS_CS4, "IP_TOS");
            } catch (IOException e) {
                // QoS marking is a nicety
            }
            MemorySegment name = arena.allocate(NAME_BYTES, 8);
            int nameLength = SockAddr.write(name, 0, 0, 0, localPort, 0, ipv6);
            checked("bind", (int) invoke(() -> (int) BIND.invokeExact(errno, fd, name, nameLength)));
            int peerLength = SockAddr.write(name, 0, UdpEndpoint.of(peer), ipv6);
            if (peerLength < 0) {
                throw new IOException("cannot reach " + peer + " from this socket");
            }
            checked("connect", (int) invoke(() -> (int) CONNECT.invokeExact(errno, fd, name, peerLength)));
        } catch (IOException | RuntimeException e) {
            invoke(() -> (int) CLOSE.invokeExact(errno, fd));
            throw e;
        }
    }

    static String unavailableReason() {
        return LinuxUdpSocket.unavailableReason();
    }

    static LinuxConnectedUdpSocket open(InetSocketAddress peer, int localPort) throws IOException {
        return new LinuxConnectedUdpSocket(peer, localPort);
    }

    @Override
    public String implementation() {
        return "linux-ffm";
    }

    @Override
    public int localPort() {
        return boundPort(fd);
    }

    @Override
    public int receive(byte[] into) {
        receiving = true;
        try {
            if (closed) {
                return -1;
            }
            long n = (long) RECV.invokeExact(fd, rx, (long) rx.byteSize(), 0);
            if (closed) {
                return -1; // shutdown woke the call
            }
            if (n <= 0) {
                return 0; // ECONNREFUSED (the server's port is not open yet), EINTR, an empty datagram
            }
            int length = (int) Math.min(n, into.length);
            MemorySegment.copy(rx, JAVA_BYTE, 0, into, 0, length);
            return length;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            receiving = false;
        }
    }

    @Override
    public Sender newSender() {
        NativeSender s = new NativeSender(arena.allocate(Frame.MAX_DATAGRAM_BYTES, 8));
        senders.add(s);
        return s;
    }

    private final class NativeSender implements Sender {
        private final MemorySegment tx;
        private volatile boolean sending;

        NativeSender(MemorySegment tx) {
            this.tx = tx;
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            sending = true; // before reading closed: close() sees one or the other
            try {
                if (closed || length > tx.byteSize()) {
                    return false;
                }
                MemorySegment.copy(data, offset, tx, JAVA_BYTE, 0, length);
                return (long) SEND.invokeExact(fd, tx, (long) length, MSG_NOSIGNAL) == length;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            } finally {
                sending = false;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        invoke(() -> (int) SHUTDOWN.invokeExact(errno, fd, SHUT_RDWR));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (busy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!busy()) {
            invoke(() -> (int) CLOSE.invokeExact(errno, fd));
        } // else: a call hangs inside the descriptor; leaking it is safer than closing it under the call
    }

    private boolean busy() {
        if (receiving) {
            return true;
        }
        for (NativeSender s : senders) {
            if (s.sending) {
                return true;
            }
        }
        return false;
    }

    private void setInt(int level, int option, int value, String what) throws IOException {
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        checked("setsockopt " + what, (int) invoke(() -> (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v,
                4)));
    }

    private int checked(String what, int result) throws IOException {
        if (result < 0) {
            int code = errno(errno);
            throw new IOException(what + " failed, errno " + code + (code == 98 ? " (address in use)" : ""));
        }
        return result;
    }
}
