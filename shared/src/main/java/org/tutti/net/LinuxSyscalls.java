package org.tutti.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc socket calls {@link LinuxUdpSocket} needs, as FFM downcalls that capture {@code errno}, and the Linux
 * constants and struct offsets for LP64 (x86-64 and AArch64 share them). Loaded on first use; if linking fails the
 * socket factory falls back to the JDK implementation.
 */
final class LinuxSyscalls {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int IPPROTO_IP = 0;
    static final int IP_TOS = 1;
    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_V6ONLY = 26;
    static final int IPV6_TCLASS = 67;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;
    static final short POLLIN = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;
    static final int SHUT_RDWR = 2;
    static final int MSG_NOSIGNAL = 0x4000;

    /** struct mmsghdr: msghdr (56 bytes) + msg_len, padded to 64. */
    static final int MMSG_BYTES = 64;
    static final int MSG_NAME = 0;
    static final int MSG_NAMELEN = 8;
    static final int MSG_IOV = 16;
    static final int MSG_IOVLEN = 24;
    static final int MSG_FLAGS = 48;
    static final int MMSG_LEN = 56;
    /** struct iovec. */
    static final int IOV_BYTES = 16;
    /** Room for a sockaddr_in6 (28 bytes), rounded up. */
    static final int NAME_BYTES = 32;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    static final MethodHandle SOCKET = call("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle BIND = call("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle SETSOCKOPT = call("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle GETSOCKNAME = call("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    // The per-datagram calls do not capture errno: the JDK allocates a view of the capture segment per call (unless
    // escape analysis removes it, which it does not reliably). They read errno through ErrnoReader instead.
    static final MethodHandle RECVMMSG = plain("recvmmsg",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle SENDMMSG = plain("sendmmsg",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle ERRNO_LOCATION = plain("__errno_location", FunctionDescriptor.of(ADDRESS));
    static final MethodHandle SENDTO = call("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle POLL = call("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    static final MethodHandle EVENTFD = call("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle READ = call("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    static final MethodHandle WRITE = call("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    static final MethodHandle CLOSE = call("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    // the client's connected socket (ConnectedUdpSocket): one datagram per call, errno through ErrnoReader
    static final MethodHandle CONNECT = call("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle SHUTDOWN = call("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle SEND = plain("send",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    static final MethodHandle RECV = plain("recv",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

    private LinuxSyscalls() {
    }

    /** A downcall whose first argument is the errno capture segment ({@link #newErrnoSegment}). */
    private static MethodHandle call(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, ERRNO_OPTION);
    }

    private static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /**
     * errno of the calling thread, read right after a call that does not capture it. Best effort: the JVM may make
     * a system call of its own between the two (e.g. when the thread stops for a safepoint), so only counters may
     * depend on it. Allocation free after the first use on a thread.
     */
    static final class ErrnoReader {
        private Thread thread;
        private MemorySegment location;

        int read() {
            if (thread != Thread.currentThread()) {
                try {
                    location = ((MemorySegment) ERRNO_LOCATION.invokeExact()).reinterpret(4);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                thread = Thread.currentThread();
            }
            return location.get(JAVA_INT, 0);
        }
    }

    /** Where a downcall leaves errno: one per calling thread. */
    static MemorySegment newErrnoSegment(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** A downcall that cannot throw a checked exception (invokeExact declares Throwable). */
    interface Call {
        Object run() throws Throwable;
    }

    static Object invoke(Call call) {
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local port socket {@code fd} is bound to (getsockname), or -1. */
    static int boundPort(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(NAME_BYTES, 8);
            MemorySegment length = a.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, NAME_BYTES);
            MemorySegment errno = newErrnoSegment(a);
            int r = (int) invoke(() -> (int) GETSOCKNAME.invokeExact(errno, fd, name, length));
            return r < 0 ? -1 : SockAddr.port(name, 0);
        }
    }
}
