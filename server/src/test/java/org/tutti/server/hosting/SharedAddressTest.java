package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.tutti.server.hosting.PortMappingStatus.State;
import org.tutti.server.hosting.SharedAddress.Source;

class SharedAddressTest {
    private static final InetAddress GATEWAY = InetAddress.ofLiteral("192.168.1.1");
    private static final InetSocketAddress SEEN = new InetSocketAddress("198.51.100.50", 22124);

    private static PortMappingStatus mapped(String external) {
        return new PortMappingStatus(State.MAPPED, "UPnP", GATEWAY, InetAddress.ofLiteral(external), 22124, 22124, "");
    }

    @Test
    void theRoutersMappingWinsAndTheDirectoryFillsInWithoutOne() {
        assertThat(SharedAddress.choose(mapped("45.67.89.1"), SEEN)).hasValueSatisfying(a -> {
            assertThat(a.describe()).isEqualTo("45.67.89.1:22124 (from the router)");
            assertThat(a.source().jsonName()).isEqualTo("router");
        });
        assertThat(SharedAddress.choose(PortMappingStatus.noGateway(22124), SEEN)).hasValueSatisfying(a ->
                assertThat(a.describe()).isEqualTo("198.51.100.50:22124 (as the directory sees it)"));
        PortMappingStatus cgnat = new PortMappingStatus(State.BEHIND_SECOND_NAT, "UPnP", GATEWAY,
                InetAddress.ofLiteral("100.64.0.1"), 22124, 0, "CGNAT");
        assertThat(SharedAddress.choose(cgnat, SEEN)).map(SharedAddress::source).hasValue(Source.DIRECTORY);
        assertThat(SharedAddress.choose(cgnat, null)).isEmpty();
        assertThat(SharedAddress.choose(PortMappingStatus.off(22124), new InetSocketAddress("10.0.0.2", 22124)))
                .as("a private address is no address to share").isEmpty();
    }

    @Test
    void aChangeIsADifferentAddressNotALostOneNorANewSource() {
        SharedAddress router = new SharedAddress(new InetSocketAddress("45.67.89.1", 22124), Source.ROUTER);
        SharedAddress sameFromDirectory = new SharedAddress(router.address(), Source.DIRECTORY);
        SharedAddress moved = new SharedAddress(new InetSocketAddress("45.67.89.3", 22124), Source.ROUTER);

        assertThat(AddressWatch.next(null, null)).isNull();
        AddressWatch.Update first = AddressWatch.next(null, router);
        assertThat(first.changed()).isFalse();
        assertThat(first.describe()).isEqualTo("friends connect to 45.67.89.1:22124 (from the router)");
        assertThat(AddressWatch.next(first, null)).as("unknown for a while: kept").isSameAs(first);
        assertThat(AddressWatch.next(first, router)).isSameAs(first);
        AddressWatch.Update resourced = AddressWatch.next(first, sameFromDirectory);
        assertThat(resourced.changed()).isFalse();
        AddressWatch.Update change = AddressWatch.next(resourced, moved);
        assertThat(change.describe()).isEqualTo("external address changed: friends now connect to 45.67.89.3:22124"
                + " (from the router) (was 45.67.89.1:22124)");
    }
}
