package org.tutti.server.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.protocol.Countries;
import org.tutti.server.directory.ServerInfo;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.mix.Metronome;

/** Turns the headless server's command line into a {@link ServerConfig}, with Jamulus's meanings (§10.2). */
public final class ServerOptions {
    /** Jamulus cuts the welcome text to this many characters. */
    static final int MAX_WELCOME_CHARS = 1600;
    /** Accepted so scripts written for Jamulus keep working, but not implemented yet. */
    static final List<String> NOT_YET_SUPPORTED = List.of();

    private ServerOptions() {
    }

    public static ServerConfig toConfig(ParsedOptions o) throws UsageException {
        InetAddress bind = null;
        if (o.has("serverbindip")) {
            bind = address(o.value("serverbindip", ""), "--serverbindip");
        }
        ServerInfo info = ServerInfo.parse(o.value("serverinfo", null), Countries.ANY);
        return new ServerConfig(bind,
                o.intValue("port", ServerConfig.DEFAULT_PORT, 0, 65535),
                maxClients(o),
                o.has("fastupdate"), o.has("multithreading"), o.has("delaypan"),
                welcomeMessage(o.value("welcomemessage", "")), o.has("licence"),
                info.name(), info.city(), info.country(),
                o.intValue("qos", ServerConfig.DEFAULT_TOS, 0, 255), o.has("discononquit"),
                path(o, "log"), path(o, "htmlstatus"), o.has("enableipv6"));
    }

    /**
     * {@code -u}, 1..150; with {@code --metronome} at most 149, since Jamulus 3.9.1 clients break on channel IDs of
     * 150 or more and the metronome takes the ID after the last musician.
     */
    static int maxClients(ParsedOptions o) throws UsageException {
        int u = o.intValue("numchannels", ServerConfig.DEFAULT_MAX_CLIENTS, 1, ServerConfig.MAX_CLIENTS_LIMIT);
        return o.has("metronome") ? Math.min(u, MetronomeSettings.MAX_CLIENTS_WITH_METRONOME) : u;
    }

    /**
     * {@code --metronome BPM[/BEATS]}: {bpm, beats per bar} to start the metronome with (4 beats when BEATS is left
     * out), or null without the option.
     */
    public static int[] metronome(ParsedOptions o) throws UsageException {
        if (!o.has("metronome")) {
            return null;
        }
        String text = o.value("metronome", "").strip();
        String[] parts = text.split("/", -1);
        try {
            int bpm = Integer.parseInt(parts[0].strip());
            int beats = parts.length == 2 ? Integer.parseInt(parts[1].strip())
                    : MetronomeSettings.DEFAULT_BEATS_PER_BAR;
            if (parts.length > 2) {
                throw new NumberFormatException(text);
            }
            Metronome.check(bpm, beats);
            return new int[] {bpm, beats};
        } catch (NumberFormatException e) {
            throw new UsageException("--metronome needs BPM or BPM/BEATS, e.g. 96 or 120/3, not '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metronome: " + e.getMessage());
        }
    }

    /** {@code --banfile}: where the bans are kept across restarts, or null. */
    public static Path banFile(ParsedOptions o) {
        return path(o, "banfile");
    }

    /**
     * {@code --passwordfile}: the session password, the file's first line without surrounding blanks, or null
     * without the option. The secret is read from a file so that it never shows on the command line (ps, shell
     * history). An unreadable or empty file stops the server: starting without a password would open the session.
     */
    public static String password(ParsedOptions o) throws UsageException {
        Path file = path(o, "passwordfile");
        if (file == null) {
            return null;
        }
        String first;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            first = line == null ? "" : line.strip();
        } catch (IOException e) {
            throw new UsageException("cannot read the password file " + file + ": " + e.getMessage());
        }
        if (first.isEmpty()) {
            throw new UsageException("the password file " + file + " has no password on its first line");
        }
        return first;
    }

    /**
     * {@code --portmapping on|off}: whether to open the UDP port on the home router. Off when absent: a headless
     * server usually runs where someone set up the network on purpose.
     */
    public static boolean portMapping(ParsedOptions o) throws UsageException {
        String value = o.value("portmapping", "off").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--portmapping needs on or off, not '" + o.value("portmapping", "")
                    + "'");
        };
    }

    /** The options that are accepted but do nothing yet, for a warning. */
    public static List<String> unsupportedGiven(ParsedOptions o) {
        return NOT_YET_SUPPORTED.stream().filter(o::has).toList();
    }

    /** {@code -w}: the text itself, or the content of the file it names; cut to 1600 characters. */
    static String welcomeMessage(String argument) throws UsageException {
        String text = argument;
        try {
            Path file = Path.of(argument);
            if (!argument.isEmpty() && Files.isRegularFile(file)) {
                text = Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (InvalidPathException e) {
            // not a file name: the argument is the message
        } catch (IOException e) {
            throw new UsageException("cannot read welcome message file " + argument + ": " + e.getMessage());
        }
        return text.length() > MAX_WELCOME_CHARS ? text.substring(0, MAX_WELCOME_CHARS) : text;
    }

    private static Path path(ParsedOptions o, String name) {
        return o.has(name) ? Path.of(o.value(name, "")) : null;
    }

    private static InetAddress address(String text, String option) throws UsageException {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException ex) {
                throw new UsageException(option + " needs an IP address, not '" + text + "'");
            }
        }
    }
}
