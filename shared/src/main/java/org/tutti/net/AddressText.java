package org.tutti.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Addresses as Jamulus shows them (CHostAddress::toString, SM_IP_PORT): {@code a.b.c.d:port}, and IPv6 in RFC 5952
 * compressed form in brackets, {@code [::1]:port}. An IPv4-mapped address is the IPv4 peer it stands for (Jamulus
 * converts those on receipt), and there is never a {@code %zone}: Jamulus keeps no scope either.
 */
public final class AddressText {
    private AddressText() {
    }

    /** {@code 1.2.3.4:22124} or {@code [2001:db8::1]:22124}; an unresolved address keeps its host name. */
    public static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : host(ip);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The address alone: {@code 1.2.3.4}, {@code ::1}, {@code 2001:db8::1} (no brackets, no zone). */
    public static String host(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        if (isV4Mapped(b)) {
            return (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        return compressed(b);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    // RFC 5952 §4: lower-case hex without leading zeros; the longest run of two or more zero groups (the first of
    // equal runs) becomes "::".
    private static String compressed(byte[] b) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = (b[2 * g] & 0xFF) << 8 | (b[2 * g + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[g]));
        }
        return sb.toString();
    }
}
