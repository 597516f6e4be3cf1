package org.tutti.cli;

import static org.tutti.cli.OptionSpec.Scope.CLIENT;
import static org.tutti.cli.OptionSpec.Scope.COMMON;
import static org.tutti.cli.OptionSpec.Scope.SERVER;

import java.util.ArrayList;
import java.util.List;

/** Jamulus 3.9.1's command line (protocol doc §10.2), with the same names and meanings, plus Tutti's few extras. */
public final class JamulusOptions {
    public static final List<OptionSpec> ALL = List.of(
            new OptionSpec("h", "help", null, COMMON, "show this help and exit"),
            new OptionSpec("v", "version", null, COMMON, "show the version and exit"),
            new OptionSpec("i", "inifile", "FILE", COMMON, "settings file"),
            new OptionSpec("n", "nogui", null, COMMON, "run without a window"),
            new OptionSpec("p", "port", "PORT", COMMON, "local UDP port (server default 22124)"),
            new OptionSpec(null, "jsonrpcport", "PORT", COMMON, "enable JSON-RPC on this TCP port"),
            new OptionSpec(null, "jsonrpcsecretfile", "FILE", COMMON, "file whose first line (>= 16 characters) is the JSON-RPC secret"),
            new OptionSpec(null, "jsonrpcbindip", "IP", COMMON, "JSON-RPC bind address (default 127.0.0.1)"),
            new OptionSpec("Q", "qos", "TOS", COMMON, "IP type-of-service byte, 0..255 (default 128)"),
            new OptionSpec("t", "notranslation", null, COMMON, "English only"),
            new OptionSpec("6", "enableipv6", null, COMMON, "enable IPv6 (server)"),
            new OptionSpec(null, "noipv6", null, COMMON, "Jamulus 3.12: disable IPv6 (accepted, no effect)"),
            new OptionSpec("s", "server", null, COMMON, "run as server"),
            new OptionSpec(null, "audiobackend", "jack|portaudio|javasound", COMMON, "audio backend (default: the first available, in that order)"),
            new OptionSpec(null, "audiodevice", "NAME", COMMON, "audio device of that backend (JACK: server name; PortAudio: \"Host API: device\")"),
            new OptionSpec(null, "chatcommands", null, SERVER, "Tutti: musicians may steer the metronome from the chat (/tempo 96, /click on|off)"),
            new OptionSpec(null, "banfile", "FILE", SERVER, "Tutti: keep the banned addresses in this file"),
            new OptionSpec(null, "passwordfile", "FILE", SERVER, "Tutti: private session; the file's first line is the password musicians type in the chat"),
            new OptionSpec("d", "discononquit", null, SERVER, "disconnect all clients on quit"),
            new OptionSpec("e", "directoryserver", "HOST[:PORT]", SERVER, "register with this directory (localhost: be a directory)"),
            new OptionSpec(null, "directoryaddress", "HOST[:PORT]", SERVER, "same as --directoryserver"),
            new OptionSpec(null, "centralserver", "HOST[:PORT]", SERVER, "deprecated name of --directoryserver"),
            new OptionSpec(null, "directoryfile", "FILE", SERVER, "directory: keep the server list in this file"),
            new OptionSpec("f", "listfilter", "LIST", SERVER, "directory: allowed server addresses and minimum version"),
            new OptionSpec("F", "fastupdate", null, SERVER, "64-sample server frames (lower delay, more CPU)"),
            new OptionSpec("l", "log", "FILE", SERVER, "append connection events to this log file"),
            new OptionSpec("L", "licence", null, SERVER, "clients must accept a licence agreement"),
            new OptionSpec("m", "htmlstatus", "FILE", SERVER, "write the list of connected musicians to this HTML file"),
            new OptionSpec(null, "metronome", "BPM[/BEATS]", SERVER, "Tutti: start the server metronome, 30..300 bpm, 2..12 beats per bar (default 4); caps -u at 149"),
            new OptionSpec("o", "serverinfo", "NAME;CITY;COUNTRY", SERVER, "server name, city and country"),
            new OptionSpec(null, "serverpublicip", "IP", SERVER, "public address to register with the directory"),
            new OptionSpec("P", "delaypan", null, SERVER, "pan by delay instead of level"),
            new OptionSpec(null, "portmapping", "on|off", SERVER, "Tutti: open the UDP port on the home router by UPnP/NAT-PMP (default off)"),
            new OptionSpec("R", "recording", "DIR", SERVER, "record sessions into this directory"),
            new OptionSpec(null, "norecord", null, SERVER, "start with recording off"),
            new OptionSpec(null, "serverbindip", "IP", SERVER, "bind the server to this address"),
            new OptionSpec(null, "serverbindip4", "IP", SERVER, "Jamulus 3.12 name of --serverbindip"),
            new OptionSpec(null, "serverbindip6", "IP", SERVER, "Jamulus 3.12: IPv6 bind address (accepted, no effect)"),
            new OptionSpec(null, "noraw", null, SERVER, "Jamulus 3.12: disable raw audio (accepted, no effect)"),
            new OptionSpec("T", "multithreading", null, SERVER, "spread mixing over all cores (by itself from 120 musicians)"),
            new OptionSpec("u", "numchannels", "N", SERVER, "maximum number of musicians, 1..150 (default 10; 149 with --metronome)"),
            new OptionSpec("w", "welcomemessage", "TEXT|FILE", SERVER, "welcome message (HTML allowed), or a file holding it"),
            new OptionSpec("z", "startminimized", null, SERVER, "start the window minimised (accepted, no effect)"),
            new OptionSpec("c", "connect", "HOST[:PORT]", CLIENT, "connect to this server on start"),
            new OptionSpec("j", "nojackconnect", null, CLIENT, "do not connect JACK ports automatically"),
            new OptionSpec("M", "mutestream", null, CLIENT, "send silence (mute myself)"),
            new OptionSpec(null, "mutemyown", null, CLIENT, "set my own fader to 0 in my mix"),
            new OptionSpec(null, "clientname", "NAME", CLIENT, "musician name, window title and JACK client name"),
            new OptionSpec(null, "ctrlmidich", "SPEC", CLIENT, "MIDI control of the mixer: CH[;OFFSET] or CH;f0*8;p16*8;s32*8;m48*8;o64;u;dDEVICE"),
            new OptionSpec(null, "showallservers", null, CLIENT, "list servers that did not answer pings too (accepted, no effect)"),
            new OptionSpec(null, "showanalyzerconsole", null, CLIENT, "show the analyzer console (accepted, no effect)"),
            new OptionSpec(null, "cleanuplegacyfadersettings", null, CLIENT, "forget fader settings of old versions (accepted, no effect)"));

    private JamulusOptions() {
    }

    /** Accepted so start scripts for Jamulus keep working, but Tutti does nothing with them (in any mode). */
    private static final List<String> NEVER_IMPLEMENTED = List.of("noipv6", "serverbindip6", "noraw", "startminimized",
            "showallservers", "showanalyzerconsole", "cleanuplegacyfadersettings");

    /** Parses {@code args} and applies Jamulus's rule that server options need {@code -s} and client options forbid it. */
    public static ParsedOptions parse(String... args) throws UsageException {
        String[] named = args.clone();
        for (int i = 0; i < named.length; i++) {
            if (named[i].equals("-?")) {
                named[i] = "--help"; // Jamulus's third name for help; OptionSpec has room for one short name
            } else if (named[i].equals("--serverbindip4") || named[i].startsWith("--serverbindip4=")) {
                named[i] = "--serverbindip" + named[i].substring("--serverbindip4".length()); // same option in 3.12
            }
        }
        ParsedOptions options = new CommandLine(ALL).parse(named);
        boolean server = options.has("server");
        for (OptionSpec spec : ALL) {
            if (!options.has(spec.longName())) {
                continue;
            }
            if (spec.scope() == SERVER && !server) {
                throw new UsageException("option --" + spec.longName() + " is only for the server (add -s)");
            }
            if (spec.scope() == CLIENT && server) {
                throw new UsageException("option --" + spec.longName() + " is only for the client (remove -s)");
            }
        }
        return options;
    }

    /**
     * One warning line for every option given that has no effect in the mode chosen ({@code -s}, {@code -n}), so an
     * option Tutti accepts for compatibility is never ignored silently.
     */
    public static List<String> ineffectiveWarnings(ParsedOptions options) {
        boolean server = options.has("server");
        boolean gui = !options.has("nogui");
        List<String> names = new ArrayList<>();
        for (OptionSpec spec : ALL) {
            String name = spec.longName();
            if (!options.has(name)) {
                continue;
            }
            boolean ineffective = NEVER_IMPLEMENTED.contains(name)
                    // the client's socket uses the fixed type of service; only the server reads -Q and -6
                    || !server && (name.equals("qos") || name.equals("enableipv6"))
                    // audio is the client's; the server has none
                    || server && (name.equals("audiobackend") || name.equals("audiodevice"))
                    // the server takes its settings from the command line only
                    || server && name.equals("inifile");
            if (ineffective) {
                names.add("tutti: warning: --" + name + " is accepted for Jamulus compatibility but has no effect"
                        + (NEVER_IMPLEMENTED.contains(name) ? "" : server ? " with -s" : gui ? " in the desktop client"
                        : " in the headless client"));
            }
        }
        return names;
    }

    public static String usage() {
        StringBuilder sb = new StringBuilder("Usage: tutti [option] [option argument] ...\n");
        for (OptionSpec.Scope scope : OptionSpec.Scope.values()) {
            sb.append('\n').append(switch (scope) {
                case COMMON -> "Common options:";
                case SERVER -> "Server only:";
                case CLIENT -> "Client only:";
            }).append('\n');
            for (OptionSpec spec : ALL) {
                if (spec.scope() == scope) {
                    sb.append(String.format("  %-36s %s%n", spec.display(), spec.help()));
                }
            }
        }
        sb.append("\n-? is also help; options marked \"accepted, no effect\" print a warning and change nothing.\n");
        sb.append("\nExample: tutti -s -n -u 20 -o \"My Server;Berlin;82\"\n");
        return sb.toString();
    }
}
