package org.tutti.net;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Reads and writes {@code sockaddr_in} / {@code sockaddr_in6} in native memory (port and address big-endian). */
final class SockAddr {
    private static final ValueLayout.OfShort BE_SHORT = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE_INT = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE_LONG = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SockAddr() {
    }

    /**
     * Writes {@code to} as the address a socket of the given family expects (IPv4 peers IPv4-mapped on an IPv6
     * socket); returns the length, or -1 when an IPv4 socket cannot reach an IPv6 peer.
     */
    static int write(MemorySegment s, long at, UdpEndpoint to, boolean ipv6Socket) {
        return write(s, at, to.high(), to.low(), to.port(), to.scopeId(), ipv6Socket);
    }

    static int write(MemorySegment s, long at, long high, long low, int port, int scopeId, boolean ipv6Socket) {
        boolean v4 = high == 0 && (low >>> 32) == 0xFFFF;
        if (!ipv6Socket) {
            if (!v4 && (high != 0 || low != 0)) {
                return -1;
            }
            s.set(JAVA_SHORT_UNALIGNED, at, (short) LinuxSyscalls.AF_INET);
            s.set(BE_SHORT, at + 2, (short) port);
            s.set(BE_INT, at + 4, (int) low);
            s.set(JAVA_LONG_UNALIGNED, at + 8, 0L);
            return 16;
        }
        s.set(JAVA_SHORT_UNALIGNED, at, (short) LinuxSyscalls.AF_INET6);
        s.set(BE_SHORT, at + 2, (short) port);
        s.set(JAVA_INT_UNALIGNED, at + 4, 0);
        s.set(BE_LONG, at + 8, high);
        s.set(BE_LONG, at + 16, low);
        s.set(JAVA_INT_UNALIGNED, at + 24, scopeId);
        return 28;
    }

    private static boolean isV4(MemorySegment s, long at) {
        return s.get(JAVA_SHORT_UNALIGNED, at) == LinuxSyscalls.AF_INET;
    }

    static long high(MemorySegment s, long at) {
        return isV4(s, at) ? 0 : s.get(BE_LONG, at + 8);
    }

    static long low(MemorySegment s, long at) {
        return isV4(s, at)
                ? UdpEndpoint.V4_MAPPED_MARK | (s.get(BE_INT, at + 4) & 0xFFFFFFFFL)
                : s.get(BE_LONG, at + 16);
    }

    static int port(MemorySegment s, long at) {
        return s.get(BE_SHORT, at + 2) & 0xFFFF;
    }

    static int scopeId(MemorySegment s, long at) {
        return isV4(s, at) ? 0 : s.get(JAVA_INT_UNALIGNED, at + 24);
    }
}
