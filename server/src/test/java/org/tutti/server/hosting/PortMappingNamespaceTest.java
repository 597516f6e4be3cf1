package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.DummyJack;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.NatRouterRig;
import org.tutti.interop.Peers;
import org.tutti.server.cli.ServerMainForTests;
import org.tutti.testing.Await;

/**
 * Port mapping for real (issue 19): the headless server in a "lan" namespace asks the real miniupnpd on its
 * "router" to open its UDP port; a real Jamulus client on the "wan" side connects to the router's public address and
 * the server lists it by name; SIGTERM deletes the mapping. Then the same with UPnP off (NAT-PMP only), and a router
 * behind the provider's CGNAT, where the server must explain why port forwarding cannot work. Network built by
 * {@link NatRouterRig}.
 */
class PortMappingNamespaceTest {
    private static final int SERVER_PORT = 22124;
    /** UPnP discovery alone waits about 5 s for routers to answer; the rest is the JVM starting in the namespace. */
    private static final Duration MAPPING_WAIT = Duration.ofSeconds(30);
    /** A short lease so the test sees renewals: renewed every 3 s. */
    private static final int TEST_LEASE_SECONDS = 6;

    @TempDir
    Path dir;

    @BeforeEach
    void peers() {
        NatRouterRig.requirePeers();
        Peers.require(Peers.JAMULUS, Peers.JACKD);
    }

    @Test
    void upnpMapsThePortAFriendConnectsAndSigtermDeletesTheMapping() {
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.PUBLIC_WAN_PREFIX, true)) {
            hostAFriend(rig, "UPnP", true);
        }
    }

    @Test
    void natPmpAloneMapsThePortToo() {
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.PUBLIC_WAN_PREFIX, false)) {
            hostAFriend(rig, "NAT-PMP", false);
        }
    }

    @Test
    void aRouterBehindCarrierGradeNatGetsAnExplanationInsteadOfAMapping() {
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.CGNAT_WAN_PREFIX, true);
             ManagedProcess server = startServer(rig)) {
            String line = awaitMappingLine(server, rig);
            assertThat(line).as("server log:%n%s%nrouter log:%n%s", server.logText(), rig.routerLog())
                    .contains("UDP " + SERVER_PORT + " not mapped on gateway " + NatRouterRig.ROUTER_LAN)
                    .contains("CGNAT").contains("register it with a directory").contains("cloud host");
            assertThat(rig.forwardsUdp(SERVER_PORT)).isFalse();
            server.close();
            assertThat(server.waitFor(10)).as("exit code after SIGTERM").isZero();
        }
    }

    @Test
    void aServerBoundToOneAddressIsMappedToItOrToldWhyNot() {
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.PUBLIC_WAN_PREFIX, true)) {
            // A second address on the router's network: the mapping is asked from it, so it targets it.
            String second = NatRouterRig.LAN_PREFIX + ".5";
            rig.addServerAddress(second);
            try (ManagedProcess server = startServer(rig, "--serverbindip", second)) {
                assertThat(awaitMappingLine(server, rig)).contains(" mapped on gateway ");
                assertThat(rig.forwardsUdpTo(second, SERVER_PORT)).as("ruleset:%n%s", rig.ruleset()).isTrue();
            }
            // An address the router cannot reach (another network): nothing is mapped, and the log says why.
            String elsewhere = "192.168.50.5";
            rig.addOtherNetworkAddress(elsewhere);
            try (ManagedProcess server = startServer(rig, "--serverbindip", elsewhere)) {
                String line = awaitMappingLine(server, rig);
                assertThat(line).as("server log:%n%s", server.logText())
                        .startsWith("- port mapping: UDP " + SERVER_PORT + " not mapped on gateway "
                                + NatRouterRig.ROUTER_LAN + " (UPnP): the server listens only on " + elsewhere
                                + " (--serverbindip), but the router forwards to this computer's address ");
                assertThat(rig.forwardsUdp(SERVER_PORT)).as("nothing mapped; ruleset:%n%s", rig.ruleset()).isFalse();
            }
        }
    }

    /** Mapping made, a friend on the internet gets in, the mapping outlives a router that forgot it, SIGTERM ends it. */
    private void hostAFriend(NatRouterRig rig, String protocol, boolean checkForgottenMapping) {
        Path html = dir.resolve("status.html");
        Path log = dir.resolve("connections.log");
        try (ManagedProcess server = startServer(rig, "-m", html.toString(), "-l", log.toString())) {
            String line = awaitMappingLine(server, rig);
            assertThat(line).as("server log:%n%s%nrouter log:%n%s", server.logText(), rig.routerLog())
                    .isEqualTo("- port mapping: UDP " + SERVER_PORT + " mapped on gateway " + NatRouterRig.ROUTER_LAN
                            + " (" + protocol + "), external address " + rig.routerWan);
            assertThat(rig.forwardsUdp(SERVER_PORT)).as("router ruleset:%n%s", rig.ruleset()).isTrue();

            try (DummyJack jack = DummyJack.start(dir); ManagedProcess friend = startFriend(rig, jack)) {
                Await.until("the server to list the friend by name", Duration.ofSeconds(20),
                        () -> read(html).contains("<li>Friend</li>"));
                assertThat(read(log)).as("the friend came from the internet side").contains(", " + rig.friendWan + ",");
                friend.assertAlive();
            }
            if (checkForgottenMapping) {
                // The router reboots and forgets every mapping: the next renewal (every 3 s here) fails, the search
                // starts again and maps the port anew (about 20 s, most of it the library's retries and UPnP search).
                rig.restartRouterDaemon();
                assertThat(rig.forwardsUdp(SERVER_PORT)).as("forgotten").isFalse();
                assertThat(Await.holdsWithin(Duration.ofSeconds(60),
                        () -> rig.forwardsUdp(SERVER_PORT)))
                        .as("the renewal maps the port again; server log:%n%s%nrouter log:%n%s", server.logText(),
                                rig.routerLog()).isTrue();
            }
            if (checkForgottenMapping) {
                // The server's LAN address changes (a new DHCP lease): the next renewal notices and maps to the new one.
                rig.moveServerTo(NatRouterRig.LAN_PREFIX + ".3");
                assertThat(Await.holdsWithin(Duration.ofSeconds(60),
                        () -> rig.forwardsUdpTo(NatRouterRig.LAN_PREFIX + ".3", SERVER_PORT)))
                        .as("mapped to the new address; server log:%n%s%nrouter ruleset:%n%s", server.logText(),
                                rig.ruleset()).isTrue();
            }
            server.close(); // SIGTERM
            assertThat(server.waitFor(10)).as("exit code after SIGTERM").isZero();
            assertThat(server.logText()).contains("- port mapping: UDP " + SERVER_PORT + " no longer mapped");
            assertThat(rig.forwardsUdp(SERVER_PORT)).as("mapping deleted; ruleset:%n%s", rig.ruleset()).isFalse();
        }
    }

    private int serverStarts;

    private ManagedProcess startServer(NatRouterRig rig, String... extra) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dtutti.portMappingLeaseSeconds=" + TEST_LEASE_SECONDS, "-cp", System.getProperty("java.class.path"),
                ServerMainForTests.class.getName(), "-s", "-n", "-p", Integer.toString(SERVER_PORT),
                "--portmapping", "on"));
        command.addAll(List.of(extra));
        return ManagedProcess.start("tutti server in " + rig.lan, rig.inLan(command), Map.of(),
                dir.resolve("server-" + rig.lan + "-" + (++serverStarts) + ".log"));
    }

    /** A real Jamulus 3.9.1 client in the wan namespace, named "Friend", connecting to the router's public side. */
    private ManagedProcess startFriend(NatRouterRig rig, DummyJack jack) {
        Path ini = dir.resolve("friend.ini");
        write(ini, "<!DOCTYPE TheJamulusProject>\n<client>\n <name_base64>RnJpZW5k</name_base64>\n</client>\n");
        Map<String, String> env = new HashMap<>(jack.env());
        env.put("QT_QPA_PLATFORM", "offscreen");
        // jackd runs outside the namespaces: JACK talks over files in /dev/shm, which every network namespace sees.
        return ManagedProcess.start("Jamulus friend", rig.inWan(List.of("Jamulus", "-n", "-i", ini.toString(),
                "-p", "0", "-c", rig.routerWan + ":" + SERVER_PORT, "--clientname", "friend")), env,
                dir.resolve("friend.log"));
    }

    private static String awaitMappingLine(ManagedProcess server, NatRouterRig rig) {
        assertThat(Await.holdsWithin(MAPPING_WAIT, () -> !mappingLine(server).isEmpty()))
                .as("a port mapping line; server log:%n%s%nrouter log:%n%s", server.logText(), rig.routerLog())
                .isTrue();
        return mappingLine(server);
    }

    private static String mappingLine(ManagedProcess server) {
        return server.logText().lines().filter(l -> l.startsWith("- port mapping:")).findFirst().orElse("");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
