package org.tutti.server.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tutti.net.AddressText;

/**
 * The ban file ({@code --banfile}): UTF-8 text, one ban per line, {@code IP UNTIL} where IP is a literal IPv4 or
 * IPv6 address and UNTIL an ISO-8601 instant ({@code 2026-12-07T21:00:00Z}) or {@code forever}. Empty lines and lines
 * starting with {@code #} are ignored. A line that does not parse is reported and skipped; a ban that has ended is
 * dropped. Written whole to a temporary file next to it, then renamed over it, so a crash leaves the old or the new
 * file, never half of one.
 */
public final class BanFile {
    private static final String FOREVER = "forever";

    private BanFile() {
    }

    /** The bans in {@code text} still holding at {@code now}; every bad line goes to {@code problems}. */
    public static List<Ban> parse(String text, Instant now, Consumer<String> problems) {
        List<Ban> bans = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                problems.accept("line " + (n + 1) + ": expected 'IP until', got '" + line + "'");
                continue;
            }
            InetAddress address;
            try {
                address = InetAddress.ofLiteral(fields[0]);
            } catch (IllegalArgumentException e) {
                problems.accept("line " + (n + 1) + ": not an IP address: '" + fields[0] + "'");
                continue;
            }
            Instant until = null;
            if (!fields[1].equals(FOREVER)) {
                try {
                    until = Instant.parse(fields[1]);
                } catch (DateTimeParseException e) {
                    problems.accept("line " + (n + 1) + ": not an ISO-8601 instant or 'forever': '" + fields[1] + "'");
                    continue;
                }
            }
            Ban ban = new Ban(address, until);
            if (ban.activeAt(now)) {
                bans.add(ban);
            }
        }
        return bans;
    }

    /** The file's text for {@code bans}. */
    public static String format(List<Ban> bans) {
        StringBuilder text = new StringBuilder("# Tutti bans: IP until (ISO-8601 UTC or forever)\n");
        for (Ban ban : bans) {
            text.append(AddressText.host(ban.address())).append(' ')
                    .append(ban.until() == null ? FOREVER : ban.until().toString()).append('\n');
        }
        return text.toString();
    }

    /** Reads {@code file}; a missing file is no bans. */
    public static List<Ban> read(Path file, Instant now, Consumer<String> problems) throws IOException {
        try {
            // decoded leniently: bytes that are not UTF-8 spoil their line only, which is then reported and skipped
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), now, problems);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Replaces {@code file} with {@code bans} atomically (temporary file in the same directory, then rename). */
    public static void write(Path file, List<Ban> bans) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temp, format(bans), StandardCharsets.UTF_8);
        try {
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
