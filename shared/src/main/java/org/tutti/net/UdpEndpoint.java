package org.tutti.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A UDP peer as 128 address bits (IPv4 as IPv4-mapped IPv6, {@code ::ffff:a.b.c.d}), a port and an IPv6 scope,
 * plus a compact {@link #key() key} for hash lookups. Created once per peer (a new connection), so that the
 * per-datagram path compares and sends with primitives only.
 */
public final class UdpEndpoint {
    /** The upper 32 bits of {@link #low()} for an IPv4-mapped address. */
    static final long V4_MAPPED_MARK = 0xFFFFL << 32;

    private final long high;
    private final long low;
    private final int port;
    private final int scopeId;
    private final long key;
    private final InetSocketAddress address;

    private UdpEndpoint(long high, long low, int port, int scopeId, InetSocketAddress address) {
        this.high = high;
        this.low = low;
        this.port = port;
        this.scopeId = scopeId;
        this.key = key(high, low, port);
        this.address = address;
    }

    /** The endpoint of a resolved socket address (allocates: for new peers and control messages only). */
    public static UdpEndpoint of(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        byte[] b = ip.getAddress();
        if (ip instanceof Inet4Address) {
            return new UdpEndpoint(0, V4_MAPPED_MARK | (be32(b, 0) & 0xFFFFFFFFL), address.getPort(), 0, address);
        }
        long high = be64(b, 0);
        long low = be64(b, 8);
        int scope = ((Inet6Address) ip).getScopeId();
        if (high == 0 && (low >>> 32) == 0xFFFF) {
            // An IPv4 peer seen through a dual-stack socket: the same peer (and key) as its IPv4 form.
            return fromBits(high, low, address.getPort(), 0);
        }
        return new UdpEndpoint(high, low, address.getPort(), scope, address);
    }

    /** The endpoint of raw address bits as a socket reports them (allocates the {@link InetSocketAddress}). */
    public static UdpEndpoint fromBits(long high, long low, int port, int scopeId) {
        byte[] b;
        InetAddress ip;
        try {
            if (high == 0 && (low >>> 32) == 0xFFFF) {
                b = new byte[4];
                put32(b, 0, (int) low);
                ip = InetAddress.getByAddress(b);
                scopeId = 0;
            } else {
                b = new byte[16];
                put32(b, 0, (int) (high >>> 32));
                put32(b, 4, (int) high);
                put32(b, 8, (int) (low >>> 32));
                put32(b, 12, (int) low);
                ip = Inet6Address.getByAddress(null, b, scopeId);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot happen for 4 or 16 address bytes", e);
        }
        return new UdpEndpoint(high, low, port, scopeId, new InetSocketAddress(ip, port));
    }

    /**
     * The compact key of a peer: for IPv4 exactly {@code address << 16 | port} (non-negative, unique); for IPv6 a
     * 63-bit mix with the sign bit set, unique only with high probability, so a lookup by key must confirm the
     * address (see {@link #is}).
     */
    public static long key(long high, long low, int port) {
        if (high == 0 && (low >>> 32) == 0xFFFF) {
            return ((low & 0xFFFFFFFFL) << 16) | (port & 0xFFFF);
        }
        long h = high * 0x9E3779B97F4A7C15L;
        h ^= Long.rotateLeft(low * 0xC2B2AE3D27D4EB4FL, 29);
        h ^= port * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        return h | Long.MIN_VALUE;
    }

    /** True when this endpoint has exactly these address bits and port. */
    public boolean is(long otherHigh, long otherLow, int otherPort) {
        return low == otherLow && port == otherPort && high == otherHigh;
    }

    public boolean isIpv4() {
        return high == 0 && (low >>> 32) == 0xFFFF;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public int port() {
        return port;
    }

    public int scopeId() {
        return scopeId;
    }

    public long key() {
        return key;
    }

    /** The same peer as a JDK address (IPv4 peers as {@link Inet4Address}). */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpEndpoint e && e.is(high, low, port);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key);
    }

    @Override
    public String toString() {
        return address.toString();
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long be64(byte[] b, int at) {
        return (long) be32(b, at) << 32 | (be32(b, at + 4) & 0xFFFFFFFFL);
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
