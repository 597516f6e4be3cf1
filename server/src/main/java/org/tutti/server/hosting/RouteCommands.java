package org.tutti.server.hosting;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The IPv4 default gateway where there is no {@code /proc/net/route}: Windows ({@code route print -4 0.0.0.0}) and
 * macOS ({@code route -n get default}, else {@code netstat -rn -f inet}). Only the numeric lines are read, never the
 * headers, which Windows translates. The parsers are pure so the tests feed them sample outputs.
 */
final class RouteCommands {
    /** A routing tool answers in milliseconds; one that hangs must not hold the search up. */
    private static final long TOOL_LIMIT_MS = 3_000;

    private RouteCommands() {
    }

    /** Asks this system's routing tool, if it is Windows or macOS; empty elsewhere or when nothing is found. */
    static Optional<InetAddress> find() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return run("route", "print", "-4", "0.0.0.0").flatMap(RouteCommands::parseWindowsRoutePrint);
        }
        if (os.contains("mac")) {
            Optional<InetAddress> found = run("route", "-n", "get", "default").flatMap(RouteCommands::parseMacRouteGet);
            return found.isPresent() ? found
                    : run("netstat", "-rn", "-f", "inet").flatMap(RouteCommands::parseMacNetstat);
        }
        return Optional.empty();
    }

    /**
     * Windows {@code route print}: the active routes' lines "0.0.0.0 0.0.0.0 GATEWAY INTERFACE METRIC"; with several
     * (a VPN, Wi-Fi and cable at once) the lowest metric is the one used. "On-link" (a VPN's) has no gateway to ask.
     */
    static Optional<InetAddress> parseWindowsRoutePrint(List<String> lines) {
        InetAddress best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 5 || !f[0].equals("0.0.0.0") || !f[1].equals("0.0.0.0")) {
                continue; // persistent routes have 4 columns ("Default" metric): not necessarily active
            }
            Optional<InetAddress> gateway = ipv4(f[2]);
            long metric;
            try {
                metric = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (gateway.isPresent() && metric < bestMetric) {
                best = gateway.get();
                bestMetric = metric;
            }
        }
        return Optional.ofNullable(best);
    }

    /** macOS {@code route -n get default}: the line "gateway: 192.168.1.1" (absent without a default route). */
    static Optional<InetAddress> parseMacRouteGet(List<String> lines) {
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("gateway:")) {
                return ipv4(t.substring("gateway:".length()).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * macOS {@code netstat -rn -f inet}: the first "default GATEWAY FLAGS NETIF" line whose gateway is an address
     * (a VPN's "link#17" is not) and whose flags say G (a gateway route).
     */
    static Optional<InetAddress> parseMacNetstat(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("default") && f[2].contains("G")) {
                Optional<InetAddress> gateway = ipv4(f[1]);
                if (gateway.isPresent()) {
                    return gateway;
                }
            }
        }
        return Optional.empty();
    }

    /** A dotted IPv4 literal only: no name is ever looked up. */
    private static Optional<InetAddress> ipv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.ofLiteral(text);
            return address instanceof Inet4Address && !address.isAnyLocalAddress() ? Optional.of(address)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            // Windows prints in the console's code page; digits and dots read the same in all of them.
            String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset());
            if (!p.waitFor(TOOL_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out.lines().toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
