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
import org.tutti.server.engine.ServerConfig;

/** Turns the headless server's command line into a {@link ServerConfig}, with Jamulus's meanings (§10.2). */
public final class ServerOptions {
    /** Jamulus cuts the welcome text to this many characters. */
    static final int MAX_WELCOME_CHARS = 1600;
    static final int MAX_SERVER_TEXT = 20;
    /** Accepted so scripts written for Jamulus keep working, but not implemented yet. */
    static final List<String> NOT_YET_SUPPORTED = List.of("directoryserver", "directoryaddress", "centralserver",
            "directoryfile", "listfilter", "serverpublicip", "recording", "norecord");

    private ServerOptions() {
    }

    public static ServerConfig toConfig(ParsedOptions o) throws UsageException {
        InetAddress bind = null;
        if (o.has("serverbindip")) {
            bind = address(o.value("serverbindip", ""), "--serverbindip");
        }
        String[] info = serverInfo(o.value("serverinfo", ""));
        return new ServerConfig(bind,
                o.intValue("port", ServerConfig.DEFAULT_PORT, 0, 65535),
                o.intValue("numchannels", ServerConfig.DEFAULT_MAX_CLIENTS, 1, ServerConfig.MAX_CLIENTS_LIMIT),
                o.has("fastupdate"), o.has("multithreading"), o.has("delaypan"),
                welcomeMessage(o.value("welcomemessage", "")), o.has("licence"),
                info[0], info[1], country(info[2]),
                o.intValue("qos", ServerConfig.DEFAULT_TOS, 0, 255), o.has("discononquit"),
                path(o, "log"), path(o, "htmlstatus"), o.has("enableipv6"));
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

    /** {@code -o name;city;country}: missing parts are empty, name and city cut to 20 characters. */
    static String[] serverInfo(String argument) {
        String[] parts = argument.split(";", -1);
        String[] result = {"", "", ""};
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            result[i] = i < 2 && parts[i].length() > MAX_SERVER_TEXT ? parts[i].substring(0, MAX_SERVER_TEXT) : parts[i];
        }
        return result;
    }

    /** Country as a Qt5 code number; anything else (including ISO letters, not supported yet) is 0 = any. */
    static int country(String text) {
        try {
            int code = Integer.parseInt(text.trim());
            return code >= 0 && code <= 261 ? code : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
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
