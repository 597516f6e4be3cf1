package org.tutti.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A home network in three network namespaces (docs/hosting.md, "The test network"; shared so the desktop server mode's test in the client module uses it too): "lan" holds the server, "router"
 * masquerades lan to wan with nftables and runs the real miniupnpd, "wan" is the friend on the internet. The names
 * carry a random suffix so runs on one machine never meet; {@link #close} removes everything. No namespace has a
 * route to the machine's own network, so no packet of a test leaves them.
 */
public final class NatRouterRig implements AutoCloseable {
    public static final String LAN_PREFIX = "10.77.0";
    public static final String ROUTER_LAN = LAN_PREFIX + ".1";
    public static final String SERVER_LAN = LAN_PREFIX + ".2";
    /**
     * An ordinary-looking public /24 for the router's WAN side: miniupnpd refuses private, CGNAT and documentation
     * ranges (RFC 5737) as external address. It exists only inside these namespaces.
     */
    public static final String PUBLIC_WAN_PREFIX = "45.67.89";
    /** The provider's carrier-grade NAT range (RFC 6598): miniupnpd then refuses to map (a second NAT). */
    public static final String CGNAT_WAN_PREFIX = "100.64.0";

    private final Path dir;
    private final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    public final String lan = "tl-" + suffix;
    public final String router = "tr-" + suffix;
    public final String wan = "tw-" + suffix;
    public final String routerWan;
    public final String friendWan;
    private final List<String> created = new ArrayList<>();
    private ManagedProcess miniupnpd;

    private NatRouterRig(Path dir, String wanPrefix) {
        this.dir = dir;
        this.routerWan = wanPrefix + ".1";
        this.friendWan = wanPrefix + ".2";
    }

    /** Skips the test (locally) or fails it (CI=true) unless this is root with ip, nft and miniupnpd at hand. */
    public static void requirePeers() {
        List<String> missing = new ArrayList<>();
        for (String program : List.of("ip", "nft", "miniupnpd")) {
            if (Peers.find(program).isEmpty() && !Files.isExecutable(Path.of("/usr/sbin", program))) {
                missing.add(program);
            }
        }
        String problem = !missing.isEmpty() ? missing + " not found (on Debian: apt-get install iproute2 nftables"
                + " miniupnpd miniupnpd-nftables)" : !"root".equals(System.getProperty("user.name"))
                ? "not root (network namespaces need it)" : !miniupnpdUsesNftables()
                ? "miniupnpd is built for iptables (on Debian: apt-get install miniupnpd-nftables)" : null;
        if (problem != null) {
            String message = "the port mapping test network cannot be built: " + problem;
            if (Peers.isCi()) {
                fail(message + " and CI=true forbids skipping");
            }
            Assumptions.abort(message);
        }
    }

    private static boolean miniupnpdUsesNftables() {
        try {
            return sh("miniupnpd", "--version").contains("nftables");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Builds the three namespaces; {@code upnp} false leaves miniupnpd speaking NAT-PMP/PCP only. */
    public static NatRouterRig start(Path dir, String wanPrefix, boolean upnp) {
        NatRouterRig rig = new NatRouterRig(dir, wanPrefix);
        try {
            rig.build();
            rig.startMiniupnpd(upnp);
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    /** The same network with a router that answers neither UPnP nor NAT-PMP (it only masquerades). */
    public static NatRouterRig startWithoutGateway(Path dir, String wanPrefix) {
        NatRouterRig rig = new NatRouterRig(dir, wanPrefix);
        try {
            rig.build();
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    /** The provider gives the router a new public address, as a reconnecting DSL line does. */
    public void changeRouterWanTo(String address) {
        sh("ip", "-n", router, "addr", "flush", "dev", "rwan0");
        sh("ip", "-n", router, "addr", "add", address + "/24", "dev", "rwan0");
    }

    private void build() {
        for (String ns : List.of(lan, router, wan)) {
            sh("ip", "netns", "add", ns);
            created.add(ns);
            sh("ip", "-n", ns, "link", "set", "lo", "up");
            // IPv4 only: a fresh veth's IPv6 address stays "tentative" for a moment, and binding to it then fails
            // (the mapping library binds to every local address). The router and the test are IPv4 anyway.
            sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                    "net.ipv6.conf.default.disable_ipv6=1");
            // Name lookups inside (the mapping library looks one up when it loads) fail at once on loopback.
            writeNetnsFile(ns, "resolv.conf", "nameserver 127.0.0.1\n");
        }
        sh("ip", "link", "add", "lan0", "netns", lan, "type", "veth", "peer", "name", "rlan0", "netns", router);
        sh("ip", "link", "add", "rwan0", "netns", router, "type", "veth", "peer", "name", "wan0", "netns", wan);
        address(lan, "lan0", SERVER_LAN);
        address(router, "rlan0", ROUTER_LAN);
        address(router, "rwan0", routerWan);
        address(wan, "wan0", friendWan);
        sh("ip", "-n", lan, "route", "add", "default", "via", ROUTER_LAN);
        sh("ip", "netns", "exec", router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        Path rules = write("router.nft", """
                table inet filter {
                  chain miniupnpd { }
                  chain prerouting_miniupnpd { }
                  chain postrouting_miniupnpd { }
                  chain forward { type filter hook forward priority 0; policy drop;
                    ct state established,related accept
                    iifname "rlan0" oifname "rwan0" accept
                    jump miniupnpd; }
                  chain prerouting { type nat hook prerouting priority -100; policy accept; jump prerouting_miniupnpd; }
                  chain postrouting { type nat hook postrouting priority 100; policy accept;
                    jump postrouting_miniupnpd; oifname "rwan0" masquerade; }
                }
                """);
        sh("ip", "netns", "exec", router, "nft", "-f", rules.toString());
    }

    private boolean upnp;
    private int daemonStarts;

    private void startMiniupnpd(boolean upnp) {
        this.upnp = upnp;
        Path conf = write("miniupnpd-" + suffix + ".conf", String.join("\n",
                "ext_ifname=rwan0",
                "listening_ip=rlan0",
                "http_port=0",
                "enable_upnp=" + (upnp ? "yes" : "no"),
                "enable_natpmp=yes",
                "secure_mode=yes",
                "system_uptime=yes",
                "uuid=3d3cec3a-8cf0-11e0-98ee-" + suffix + "000000",
                // the chains made above (nft table inet filter); miniupnpd only fills them
                "upnp_table_name=filter",
                "upnp_nat_table_name=filter",
                "upnp_forward_chain=miniupnpd",
                "upnp_nat_chain=prerouting_miniupnpd",
                "upnp_nat_postrouting_chain=postrouting_miniupnpd",
                "allow 1024-65535 " + LAN_PREFIX + ".0/24 1024-65535",
                "deny 0-65535 0.0.0.0/0 0-65535", ""));
        daemonStarts++;
        miniupnpd = ManagedProcess.start("miniupnpd " + router, List.of("ip", "netns", "exec", router, "miniupnpd",
                "-d", "-f", conf.toString(), "-P", dir.resolve("miniupnpd-" + suffix + ".pid").toString()), Map.of(),
                dir.resolve("miniupnpd-" + suffix + "-" + daemonStarts + ".log"));
        org.tutti.testing.Await.until("miniupnpd listening for NAT-PMP", () -> {
            miniupnpd.assertAlive();
            return miniupnpd.logText().contains("Listening for NAT-PMP");
        });
    }

    /** A router reboot as far as mappings go: miniupnpd stops, its chains are emptied, it starts afresh. */
    public void restartRouterDaemon() {
        miniupnpd.close();
        for (String chain : List.of("miniupnpd", "prerouting_miniupnpd", "postrouting_miniupnpd")) {
            sh("ip", "netns", "exec", router, "nft", "flush", "chain", "inet", "filter", chain);
        }
        startMiniupnpd(upnp);
    }

    /** The command run inside the lan namespace. */
    public List<String> inLan(List<String> command) {
        return in(lan, command);
    }

    public List<String> inWan(List<String> command) {
        return in(wan, command);
    }

    private static List<String> in(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    /** True when the router forwards UDP {@code port} (miniupnpd's DNAT rule is in place). */
    public boolean forwardsUdp(int port) {
        String chain = sh("ip", "netns", "exec", router, "nft", "list", "chain", "inet", "filter", "prerouting_miniupnpd");
        return chain.contains("dport " + port + " dnat");
    }

    /** True when the router forwards UDP {@code port} to {@code lanAddress}, on whatever external port. */
    public boolean forwardsUdpTo(String lanAddress, int port) {
        String chain = sh("ip", "netns", "exec", router, "nft", "list", "chain", "inet", "filter", "prerouting_miniupnpd");
        return chain.contains("dnat ip to " + lanAddress + ":" + port);
    }

    /** Gives the server's computer a second LAN address beside its first (which stays the route's source). */
    public void addServerAddress(String lanAddress) {
        sh("ip", "-n", lan, "addr", "add", lanAddress + "/24", "dev", "lan0");
    }

    /** Gives the server's computer an address on a second network the router knows nothing of (a VPN, say). */
    public void addOtherNetworkAddress(String address) {
        // A veth pair with both ends here: the kernel's dummy module may be missing, veth is there (lan0 uses it).
        sh("ip", "-n", lan, "link", "add", "other0", "type", "veth", "peer", "name", "other1");
        sh("ip", "-n", lan, "addr", "add", address + "/24", "dev", "other0");
        sh("ip", "-n", lan, "link", "set", "other0", "up");
    }

    /** Gives the server's computer a new LAN address, as a new DHCP lease would. */
    public void moveServerTo(String lanAddress) {
        sh("ip", "-n", lan, "addr", "flush", "dev", "lan0");
        sh("ip", "-n", lan, "addr", "add", lanAddress + "/24", "dev", "lan0");
        sh("ip", "-n", lan, "route", "add", "default", "via", ROUTER_LAN);
    }

    public String routerLog() {
        return miniupnpd == null ? "" : miniupnpd.logText();
    }

    public String ruleset() {
        return sh("ip", "netns", "exec", router, "nft", "list", "ruleset");
    }

    private void address(String ns, String device, String address) {
        sh("ip", "-n", ns, "addr", "add", address + "/24", "dev", device);
        sh("ip", "-n", ns, "link", "set", device, "up");
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNetnsFile(String ns, String name, String text) {
        try {
            Path etc = Files.createDirectories(Path.of("/etc/netns", ns));
            Files.writeString(etc.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end; its output, or an exception that carries it. */
    public static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (miniupnpd != null) {
            miniupnpd.close();
        }
        for (String ns : created) {
            try {
                sh("ip", "netns", "del", ns); // ends the veth pairs with it
            } catch (RuntimeException e) {
                // already gone
            }
            deleteQuietly(Path.of("/etc/netns", ns, "resolv.conf"));
            deleteQuietly(Path.of("/etc/netns", ns));
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind: harmless, named after a namespace that no longer exists
        }
    }
}
