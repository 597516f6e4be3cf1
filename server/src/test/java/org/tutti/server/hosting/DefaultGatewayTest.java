package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultGatewayTest {
    private static final String HEADER =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

    @Test
    void readsTheDefaultRouteFromTheKernelTable() {
        List<String> table = List.of(HEADER,
                "lan0\t004D0A0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
                "lan0\t00000000\t014D0A0A\t0003\t0\t0\t0\t00000000\t0\t0\t0");
        assertThat(DefaultGateway.parse(table)).contains(InetAddress.ofLiteral("10.10.77.1"));
    }

    @Test
    void noDefaultRouteOrGarbageGivesNothing() {
        assertThat(DefaultGateway.parse(List.of(HEADER, "lan0\t004D0A0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0")))
                .isEmpty();
        assertThat(DefaultGateway.parse(List.of(HEADER, "lan0 00000000 nothex 0003", "short"))).isEmpty();
        assertThat(DefaultGateway.parse(List.of())).isEmpty();
    }
}
