package org.tutti.server.hosting;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Whether an address a router calls "external" can be reached from the internet at all. */
public enum AddressScope {
    /** An ordinary internet address: a forwarded port on it can be reached. */
    PUBLIC,
    /** RFC 1918 (10/8, 172.16/12, 192.168/16): the router sits behind another router. */
    PRIVATE,
    /** RFC 6598 shared space 100.64.0.0/10: the provider's carrier-grade NAT sits in front of the router. */
    CARRIER_GRADE_NAT,
    /** No usable address at all (0.0.0.0, loopback, link-local, multicast, IPv6 here): the router is not online. */
    NONE;

    public static AddressScope of(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return address == null ? NONE : PUBLIC; // an IPv6 external address is global by construction here
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress()) {
            return NONE;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return PRIVATE;
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return CARRIER_GRADE_NAT;
        }
        return PUBLIC;
    }

    /** True when a port forwarded on this address cannot be reached from the internet. */
    public boolean behindAnotherNat() {
        return this != PUBLIC;
    }
}
