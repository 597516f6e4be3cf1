package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpEndpointTest {
    @Test
    void ipv4AndItsMappedIpv6FormAreTheSamePeer() throws Exception {
        UdpEndpoint v4 = UdpEndpoint.of(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 22124));
        UdpEndpoint mapped = UdpEndpoint.fromBits(0, 0xFFFF_C000_0207L, 22124, 0);
        assertThat(mapped).isEqualTo(v4);
        assertThat(mapped.key()).isEqualTo(v4.key()).isEqualTo((0xC0000207L << 16) | 22124);
        assertThat(mapped.address().getAddress()).isInstanceOf(Inet4Address.class);
        assertThat(mapped.address()).isEqualTo(v4.address());
        assertThat(v4.isIpv4()).isTrue();
    }

    @Test
    void ipv6PeersGetNegativeKeysThatDependOnEveryPart() throws Exception {
        InetAddress a = InetAddress.getByName("2001:db8::1");
        UdpEndpoint e = UdpEndpoint.of(new InetSocketAddress(a, 5000));
        assertThat(e.key()).isNegative();
        assertThat(e.isIpv4()).isFalse();
        assertThat(UdpEndpoint.of(new InetSocketAddress(a, 5001)).key()).isNotEqualTo(e.key());
        assertThat(UdpEndpoint.of(new InetSocketAddress(InetAddress.getByName("2001:db8::2"), 5000)).key())
                .isNotEqualTo(e.key());
        assertThat(UdpEndpoint.of(new InetSocketAddress(InetAddress.getByName("2001:db9::1"), 5000)).key())
                .isNotEqualTo(e.key());
        UdpEndpoint back = UdpEndpoint.fromBits(e.high(), e.low(), e.port(), 0);
        assertThat(back).isEqualTo(e);
        assertThat(back.address()).isEqualTo(e.address());
        assertThat(e.is(e.high(), e.low(), 5000)).isTrue();
        assertThat(e.is(e.high(), e.low() + 1, 5000)).isFalse();
    }

    @Test
    void unresolvedAddressesAreRefused() {
        assertThatThrownBy(() -> UdpEndpoint.of(InetSocketAddress.createUnresolved("example.invalid", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
