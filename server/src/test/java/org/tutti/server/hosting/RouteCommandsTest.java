package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default gateway from Windows's and macOS's routing tools, read from sample outputs in the tools' documented
 * formats (test resources routes/*.txt; written for these tests, with a German Windows for translated headers).
 */
class RouteCommandsTest {
    @Test
    void windowsTakesTheActiveDefaultRouteWithTheLowestMetric() {
        assertThat(RouteCommands.parseWindowsRoutePrint(sample("windows-en.txt")))
                .contains(InetAddress.ofLiteral("192.168.1.1"));
        // German headers; an on-link VPN route (no gateway) with the lowest metric; a persistent route ignored
        assertThat(RouteCommands.parseWindowsRoutePrint(sample("windows-de-vpn.txt")))
                .contains(InetAddress.ofLiteral("192.168.0.1"));
        assertThat(RouteCommands.parseWindowsRoutePrint(sample("windows-none.txt"))).isEmpty();
    }

    @Test
    void macosReadsRouteGetAndFallsBackToNetstat() {
        assertThat(RouteCommands.parseMacRouteGet(sample("macos-route-get.txt")))
                .contains(InetAddress.ofLiteral("192.168.1.254"));
        assertThat(RouteCommands.parseMacRouteGet(sample("macos-route-get-vpn.txt"))).as("a tunnel: no gateway")
                .isEmpty();
        assertThat(RouteCommands.parseMacRouteGet(sample("macos-route-get-none.txt"))).isEmpty();
        assertThat(RouteCommands.parseMacNetstat(sample("macos-netstat.txt")))
                .as("the VPN's link# route is skipped").contains(InetAddress.ofLiteral("10.0.1.1"));
    }

    @Test
    void garbageGivesNothingAndNoNameIsLookedUp() {
        List<String> junk = List.of("0.0.0.0 0.0.0.0 router.example 10.0.0.2 5", "0.0.0.0 0.0.0.0 999.1.1.1 x 5",
                "default router.local UGSc en0", "gateway: fe80::1%en0", "");
        assertThat(RouteCommands.parseWindowsRoutePrint(junk)).isEmpty();
        assertThat(RouteCommands.parseMacNetstat(junk)).isEmpty();
        assertThat(RouteCommands.parseMacRouteGet(junk)).isEmpty();
        assertThat(RouteCommands.parseWindowsRoutePrint(List.of())).isEmpty();
    }

    private static List<String> sample(String name) {
        try (InputStream in = RouteCommandsTest.class.getResourceAsStream("routes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
