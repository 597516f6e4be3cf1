package org.tutti.server.hosting;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 default gateway and the LAN address this computer uses to reach it. On Linux it is read from
 * {@code /proc/net/route}, which is quick and needs no tool; on Windows and macOS from their routing tool
 * ({@link RouteCommands}).
 */
final class DefaultGateway {
    private static final Path ROUTES = Path.of("/proc/net/route");
    private static final int PROBE_PORT = NatPmpAnswer.PORT;

    private DefaultGateway() {
    }

    static Optional<InetAddress> find() {
        if (!Files.isReadable(ROUTES)) {
            return RouteCommands.find(); // Windows, macOS: their routing tool
        }
        try {
            return parse(Files.readAllLines(ROUTES));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The default route's gateway in the kernel's table (destination 0, flag RTF_GATEWAY, little-endian hex). */
    static Optional<InetAddress> parse(List<String> lines) {
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            long hex;
            try {
                if (f.length < 4 || !f[1].equals("00000000") || (Integer.parseInt(f[3], 16) & 0x2) == 0) {
                    continue;
                }
                hex = Long.parseLong(f[2], 16);
            } catch (NumberFormatException e) {
                continue; // not a route line
            }
            byte[] b = {(byte) hex, (byte) (hex >> 8), (byte) (hex >> 16), (byte) (hex >> 24)};
            try {
                return Optional.of(InetAddress.getByAddress(b));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The local address the kernel would send from towards {@code gateway} (no packet is sent). */
    static Optional<InetAddress> localAddressTowards(InetAddress gateway) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(gateway, PROBE_PORT));
            InetAddress local = socket.getLocalAddress();
            return local.isAnyLocalAddress() ? Optional.empty() : Optional.of(local);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
