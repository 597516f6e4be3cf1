package org.tutti.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.tutti.net.LinuxSyscalls.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@link SendBatch} of preallocated native {@code mmsghdr}s, addresses and payload slots, sent with one
 * {@code sendmmsg} call per flush (more only when the kernel refuses a datagram: that one is counted and skipped).
 * A datagram longer than a slot is sent alone with {@code sendto}.
 */
final class NativeSendBatch implements SendBatch {
    private final LinuxUdpSocket socket;
    private final int capacity;
    private final int slotBytes;
    private final MemorySegment msgs;
    private final MemorySegment names;
    private final MemorySegment data;
    private final MemorySegment iovs;
    private final MemorySegment errno;
    private final LinuxSyscalls.ErrnoReader errnoReader = new LinuxSyscalls.ErrnoReader();
    private int count;
    private int sent;
    private int errors;
    private long errorsTotal;

    NativeSendBatch(LinuxUdpSocket socket, int capacity, int slotBytes) {
        this.socket = socket;
        this.capacity = capacity;
        this.slotBytes = slotBytes;
        msgs = socket.allocate((long) capacity * MMSG_BYTES);
        names = socket.allocate((long) capacity * NAME_BYTES);
        data = socket.allocate((long) capacity * slotBytes);
        iovs = socket.allocate((long) capacity * IOV_BYTES);
        errno = socket.allocate(64);
        for (int i = 0; i < capacity; i++) {
            long m = (long) i * MMSG_BYTES;
            iovs.set(ADDRESS, (long) i * IOV_BYTES, data.asSlice((long) i * slotBytes, slotBytes));
            msgs.set(ADDRESS, m + MSG_NAME, names.asSlice((long) i * NAME_BYTES, NAME_BYTES));
            msgs.set(ADDRESS, m + MSG_IOV, iovs.asSlice((long) i * IOV_BYTES, IOV_BYTES));
            msgs.set(JAVA_LONG, m + MSG_IOVLEN, 1);
        }
    }

    @Override
    public void add(UdpEndpoint to, byte[] bytes, int offset, int length) {
        if (length > slotBytes) {
            flush();
            sendAlone(to, bytes, offset, length);
            return;
        }
        if (count == capacity) {
            flush();
        }
        int nameLength = SockAddr.write(names, (long) count * NAME_BYTES, to, socket.ipv6());
        if (nameLength < 0) {
            countError(); // an IPv6 peer on an IPv4 socket
            return;
        }
        MemorySegment.copy(bytes, offset, data, JAVA_BYTE, (long) count * slotBytes, length);
        iovs.set(JAVA_LONG, (long) count * IOV_BYTES + 8, length);
        msgs.set(JAVA_INT, (long) count * MMSG_BYTES + MSG_NAMELEN, nameLength);
        count++;
    }

    @Override
    public int flush() {
        int start = 0;
        int accepted = 0;
        while (start < count) {
            int r;
            try {
                // Slicing allocates a view, so only after a refused datagram; the common case sends all at once.
                MemorySegment from = start == 0 ? msgs : msgs.asSlice((long) start * MMSG_BYTES);
                r = (int) SENDMMSG.invokeExact(socket.fd(), from, count - start, 0);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (r > 0) {
                start += r;
                accepted += r;
            } else if (r < 0 && errnoReader.read() == EINTR) {
                continue;
            } else {
                countError(); // the kernel refused datagram `start` (buffer full, unreachable, ...): skip it
                start++;
            }
        }
        count = 0;
        sent += accepted;
        return accepted;
    }

    private void sendAlone(UdpEndpoint to, byte[] bytes, int offset, int length) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(NAME_BYTES, 8);
            int nameLength = SockAddr.write(name, 0, to, socket.ipv6());
            MemorySegment payload = arena.allocate(length);
            MemorySegment.copy(bytes, offset, payload, JAVA_BYTE, 0, length);
            long r = nameLength < 0 ? -1 : (long) SENDTO.invokeExact(errno, socket.fd(), payload, (long) length, 0,
                    name, nameLength);
            if (r < 0) {
                countError();
            } else {
                sent++;
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void countError() {
        errors++;
        errorsTotal++;
    }

    long errorsTotal() {
        return errorsTotal;
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
