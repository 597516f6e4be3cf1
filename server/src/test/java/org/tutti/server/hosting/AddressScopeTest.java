package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {
    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.1, PRIVATE",
        "172.15.0.1, PUBLIC", "172.32.0.1, PUBLIC", "192.168.0.1, PRIVATE", "192.169.0.1, PUBLIC",
        "100.64.0.1, CARRIER_GRADE_NAT", "100.127.255.255, CARRIER_GRADE_NAT", "100.63.255.255, PUBLIC",
        "100.128.0.0, PUBLIC", "0.0.0.0, NONE", "127.0.0.1, NONE", "169.254.1.1, NONE", "224.0.0.1, NONE",
        "45.67.89.1, PUBLIC", "2001:db8::1, PUBLIC",
    })
    void classifiesTheRoutersExternalAddress(String address, AddressScope expected) {
        assertThat(AddressScope.of(InetAddress.ofLiteral(address))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noAddressAtAllIsNone() {
        assertThat(AddressScope.of(null)).isEqualTo(AddressScope.NONE);
        assertThat(AddressScope.NONE.behindAnotherNat()).isTrue();
        assertThat(AddressScope.PUBLIC.behindAnotherNat()).isFalse();
    }
}
