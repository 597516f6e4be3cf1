package org.tutti.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 addresses as the 32-bit values Jamulus puts on the wire ({@code QHostAddress::toIPv4Address()}, written
 * little-endian like every other field): 127.0.0.1 is 0x7F000001.
 */
public final class Ipv4 {
    private Ipv4() {
    }

    /** The 32-bit value of an IPv4 address. */
    public static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    /** The address for a 32-bit value. */
    public static Inet4Address toAddress(int ipv4) {
        byte[] b = {(byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** Dotted text, e.g. "127.0.0.1". */
    public static String toText(int ipv4) {
        return (ipv4 >>> 24) + "." + (ipv4 >>> 16 & 0xFF) + "." + (ipv4 >>> 8 & 0xFF) + "." + (ipv4 & 0xFF);
    }
}
