package org.tutti.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.tutti.codec.OpusQuality;
import org.tutti.protocol.AudioCodec;

/**
 * Command line of {@code tutti-bench load}. Everything is bounded: at most {@link #MAX_CLIENTS} clients, at most
 * {@link #MAX_SECONDS} measured seconds, and the server must be a loopback address (the tool never sends anywhere
 * else).
 */
record LoadOptions(InetSocketAddress server, int clients, int seconds, AudioCodec codec, OpusQuality quality,
                   int channels, boolean distinctMixes, int warmupSeconds, int connectTimeoutSeconds,
                   long serverPid, boolean perClient) {
    static final int MAX_CLIENTS = 250;
    static final int MAX_SECONDS = 600;

    static final String USAGE = """
            usage: load --server 127.0.0.1:PORT --clients N --seconds S [--codec opus|opus64]
                        [--quality low|normal|high] [--stereo] [--mixes default|distinct]
                        [--warmup S] [--connect-timeout S] [--server-pid PID] [--per-client]
              Emulates N Jamulus clients against a server on this machine (loopback only) and reports, per client
              and overall, packets received vs expected, inter-arrival gaps and lost/late frames.
              --server-pid PID  also report that process's CPU use during the measured window (/proc/PID/stat)""";

    static LoadOptions parse(String[] args) {
        InetSocketAddress server = null;
        int clients = -1;
        int seconds = -1;
        AudioCodec codec = AudioCodec.OPUS;
        OpusQuality quality = OpusQuality.NORMAL;
        int channels = 1;
        boolean distinct = false;
        int warmup = 2;
        int connectTimeout = 30;
        long pid = -1;
        boolean perClient = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--server" -> server = loopback(value(args, ++i, a));
                case "--clients" -> clients = intIn(value(args, ++i, a), 1, MAX_CLIENTS, a);
                case "--seconds" -> seconds = intIn(value(args, ++i, a), 1, MAX_SECONDS, a);
                case "--codec" -> codec = switch (value(args, ++i, a)) {
                    case "opus" -> AudioCodec.OPUS;
                    case "opus64" -> AudioCodec.OPUS64;
                    default -> throw new IllegalArgumentException("--codec must be opus or opus64");
                };
                case "--quality" -> quality = OpusQuality.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
                case "--stereo" -> channels = 2;
                case "--mixes" -> distinct = switch (value(args, ++i, a)) {
                    case "default" -> false;
                    case "distinct" -> true;
                    default -> throw new IllegalArgumentException("--mixes must be default or distinct");
                };
                case "--warmup" -> warmup = intIn(value(args, ++i, a), 0, 60, a);
                case "--connect-timeout" -> connectTimeout = intIn(value(args, ++i, a), 1, 120, a);
                case "--server-pid" -> pid = Long.parseLong(value(args, ++i, a));
                case "--per-client" -> perClient = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (server == null || clients < 0 || seconds < 0) {
            throw new IllegalArgumentException("--server, --clients and --seconds are required");
        }
        return new LoadOptions(server, clients, seconds, codec, quality, channels, distinct, warmup, connectTimeout,
                pid, perClient);
    }

    /** Coded bytes of one frame, as a Jamulus client of this quality sends them. */
    int codedBytes() {
        return quality.codedBytes(codec.frameSamples(), channels);
    }

    /** Nanoseconds between two packets (block factor 1: one codec frame per packet). */
    long packetPeriodNanos() {
        return codec.frameSamples() * 1_000_000_000L / 48_000;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intIn(String text, int min, int max, String option) {
        int v = Integer.parseInt(text);
        if (v < min || v > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max);
        }
        return v;
    }

    private static InetSocketAddress loopback(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--server needs HOST:PORT");
        }
        try {
            InetAddress host = InetAddress.getByName(hostPort.substring(0, colon));
            if (!host.isLoopbackAddress()) {
                throw new IllegalArgumentException("--server must be a loopback address (this tool floods it)");
            }
            return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in --server: " + hostPort, e);
        }
    }
}
