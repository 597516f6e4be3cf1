package org.tutti.server.directory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tutti.net.AddressText;
import org.tutti.protocol.Countries;

/**
 * The {@code --directoryfile} format of Jamulus (protocol doc §7.5), one registered server per line:
 * {@code host:port;internalhost:port;base64(name);base64(city);country;maxclients;permanent}. The directory's own
 * entry is not stored. Reading follows Jamulus's leniency: lines without exactly 7 fields, with a bad host or a
 * duplicate host are skipped; a bad country gives 0, a bad client count 10, internal port 0 the host port. IPv6
 * hosts are skipped too (directory lists carry IPv4 only).
 */
public final class DirectoryFile {
    private DirectoryFile() {
    }

    /** What {@link #read} found. */
    public record Contents(List<DirectoryEntry> entries, int skippedLines) {
    }

    /** Reads {@code file}; a missing file is empty. Entries count as refreshed at {@code nowMs}. */
    public static Contents read(Path file, long nowMs) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0);
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        Set<InetSocketAddress> seen = new HashSet<>();
        int skipped = 0;
        // Lenient decoding: a stray non-UTF-8 byte costs one name, not the whole file.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            DirectoryEntry e = parseLine(line, nowMs);
            if (e == null || !seen.add(e.source())) {
                skipped++;
            } else {
                entries.add(e);
            }
        }
        return new Contents(entries, skipped);
    }

    /** Writes the entries (atomically: a temporary file, then a rename). */
    public static void write(Path file, List<DirectoryEntry> entries) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (DirectoryEntry e : entries) {
            sb.append(toLine(e)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One line in Jamulus's format. */
    public static String toLine(DirectoryEntry e) {
        return text(e.source()) + ";" + text(e.internal()) + ";" + base64(e.info().name()) + ";"
                + base64(e.info().city()) + ";" + e.info().country() + ";" + e.maxClients() + ";"
                + (e.permanent() ? 1 : 0);
    }

    /** Parses one line, or null when Jamulus would skip it. */
    public static DirectoryEntry parseLine(String line, long nowMs) {
        String[] f = line.split(";", -1);
        if (f.length != 7) {
            return null;
        }
        InetSocketAddress host = address(f[0], 0);
        if (host == null || host.getPort() == 0) {
            return null;
        }
        InetSocketAddress internal = address(f[1], host.getPort());
        if (internal == null) {
            internal = new InetSocketAddress(InetAddress.getLoopbackAddress(), host.getPort());
        }
        Integer country = integer(f[4]);
        Integer maxClients = integer(f[5]);
        Integer permanent = integer(f[6]);
        ServerInfo info = ServerInfo.truncating(unbase64(f[2]), unbase64(f[3]),
                country != null && Countries.isValid(country) ? country : Countries.ANY);
        int max = maxClients == null ? 10 : Math.clamp(maxClients, 0, 255);
        return new DirectoryEntry(host, internal, info, max, permanent != null && permanent != 0, nowMs);
    }

    /** "ip:port" (port 0 or missing → {@code defaultPort}); null unless an IPv4 literal. */
    private static InetSocketAddress address(String text, int defaultPort) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        String hostPart = colon >= 0 ? t.substring(0, colon) : t;
        int port = defaultPort;
        if (colon >= 0) {
            Integer p = integer(t.substring(colon + 1));
            if (p == null || p < 0 || p > 0xFFFF) {
                return null;
            }
            port = p == 0 ? defaultPort : p;
        }
        try {
            return InetAddress.ofLiteral(hostPart) instanceof Inet4Address v4 ? new InetSocketAddress(v4, port) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(InetSocketAddress a) {
        return AddressText.format(a);
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // Qt decodes leniently; garbage gives an empty name rather than a lost entry
        }
    }
}
