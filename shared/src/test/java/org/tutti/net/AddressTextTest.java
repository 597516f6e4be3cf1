package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Exact strings as Jamulus 3.9.1 writes them (CHostAddress::toString with SM_IP_PORT). */
class AddressTextTest {
    private static String format(String literal, int port) {
        return AddressText.format(new InetSocketAddress(InetAddress.ofLiteral(literal), port));
    }

    @Test
    void ipv4IsDottedWithPort() {
        assertThat(format("127.0.0.1", 22124)).isEqualTo("127.0.0.1:22124");
        assertThat(format("192.168.1.20", 5000)).isEqualTo("192.168.1.20:5000");
    }

    @Test
    void ipv6IsCompressedInBrackets() {
        assertThat(format("::1", 22218)).isEqualTo("[::1]:22218");
        assertThat(format("::", 1)).isEqualTo("[::]:1");
        assertThat(format("2001:0DB8:0000:0000:0000:0000:0000:0001", 22124)).isEqualTo("[2001:db8::1]:22124");
        assertThat(format("fe80::", 9)).isEqualTo("[fe80::]:9");
    }

    @Test
    void rfc5952PicksTheLongestRunAndTheFirstOfEqualOnesAndNeverASingleZeroGroup() {
        assertThat(format("2001:db8:0:0:1:0:0:0", 1)).isEqualTo("[2001:db8:0:0:1::]:1");
        assertThat(format("2001:db8:0:0:1:0:0:1", 1)).isEqualTo("[2001:db8::1:0:0:1]:1");
        assertThat(format("2001:db8:0:1:1:1:1:1", 1)).isEqualTo("[2001:db8:0:1:1:1:1:1]:1");
        assertThat(format("1:0:0:2:0:0:0:3", 1)).isEqualTo("[1:0:0:2::3]:1");
    }

    @Test
    void theZoneOfAnIpv6AddressIsNeverShown() throws Exception {
        // What the server engine holds for an IPv6 peer: scope id 0 set explicitly, which getHostAddress prints as %0.
        Inet6Address loopback = Inet6Address.getByAddress(null, InetAddress.ofLiteral("::1").getAddress(), 0);
        assertThat(loopback.getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1%0");
        assertThat(AddressText.format(new InetSocketAddress(loopback, 22217))).isEqualTo("[::1]:22217");
        Inet6Address linkLocal = Inet6Address.getByAddress(null, InetAddress.ofLiteral("fe80::1").getAddress(), 2);
        assertThat(AddressText.format(new InetSocketAddress(linkLocal, 5))).isEqualTo("[fe80::1]:5");
    }

    @Test
    void anIpv4MappedPeerIsShownAsTheIpv4PeerLikeJamulusDoes() throws Exception {
        // Jamulus's socket turns a V4MAPPED source into an IPv4 address before it is ever shown (socket.cpp).
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4};
        assertThat(AddressText.format(new InetSocketAddress(Inet6Address.getByAddress(null, mapped, 0), 22124)))
                .isEqualTo("1.2.3.4:22124");
        assertThat(format("::ffff:1.2.3.4", 22124)).isEqualTo("1.2.3.4:22124");
    }

    @Test
    void anUnresolvedAddressKeepsItsName() {
        assertThat(AddressText.format(InetSocketAddress.createUnresolved("jamulus.example", 22124)))
                .isEqualTo("jamulus.example:22124");
    }
}
