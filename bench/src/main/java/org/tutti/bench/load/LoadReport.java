package org.tutti.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of a load run: per client (with --per-client) and overall, packets received against the packets the
 * server should have sent in the window, gap quantiles, lost/late/reordered frames, the server's and the
 * generator's own CPU use, the generator's schedule misses and the load average. The last line, starting with
 * {@code RESULT}, is key=value pairs for scripts.
 */
final class LoadReport {
    private final LoadOptions options;
    private final EmulatedClient[] clients;
    double connectSeconds;
    int established;
    int gainsPending;
    double windowSeconds;
    long senderLateTicks;
    double senderMaxLagMs;
    private double serverCpuPercent = Double.NaN;
    private double ownCpuPercent;
    private long ownCpuStartNanos;
    private String loadAtStart;
    private String loadAtEnd;
    /** All clients' window statistics together; filled by {@link #print}. */
    final ReceiveStats total = new ReceiveStats();
    /** Received ÷ expected packets over all clients, in percent; filled by {@link #print}. */
    double deliveredPercent;

    LoadReport(LoadOptions options, EmulatedClient[] clients) {
        this.options = options;
        this.clients = clients;
    }

    /** Per client, the names in its last client list at the end of the window (before anyone disconnects). */
    final List<List<String>> namesAtWindowEnd = new ArrayList<>();

    /** Just before the window opens (the receiving thread resets the statistics as it opens it). */
    void startWindow() {
        ownCpuStartNanos = processCpuNanos();
        loadAtStart = loadAverage();
    }

    void endWindow(ServerCpu cpu) {
        for (EmulatedClient c : clients) {
            namesAtWindowEnd.add(c.knownNames());
        }
        if (cpu != null) {
            serverCpuPercent = cpu.percentSinceStart();
        }
        ownCpuPercent = 100.0 * (processCpuNanos() - ownCpuStartNanos) / 1e9 / Math.max(1e-9, windowSeconds);
        loadAtEnd = loadAverage();
    }

    /** Called after the receiving thread has ended (joined), so its counters are final and visible. */
    void print(PrintStream out) {
        double expectedPerClient = windowSeconds * 1e9 / options.packetPeriodNanos();
        ReceiveStats all = total;
        all.reset();
        double worstDelivered = Double.MAX_VALUE;
        double worstP99 = 0;
        if (options.perClient()) {
            out.println("client  id  received  delivered%  gap_p50_ms  gap_p99_ms  gap_max_ms  lost  late  reordered");
        }
        for (EmulatedClient c : clients) {
            ReceiveStats s = c.stats;
            all.add(s);
            double delivered = 100.0 * s.packets / expectedPerClient;
            worstDelivered = Math.min(worstDelivered, delivered);
            double p99 = s.gapQuantileMs(0.99);
            worstP99 = Double.isNaN(p99) ? Double.POSITIVE_INFINITY : Math.max(worstP99, p99);
            if (options.perClient()) {
                out.printf(Locale.ROOT, "%6d %3d %9d %10.2f %11.3f %11.3f %11.3f %5d %5d %10d%n", c.index,
                        c.channelId, s.packets, delivered, s.gapQuantileMs(0.5), p99, s.maxGapNanos / 1e6, s.lost,
                        s.late, s.reordered);
            }
        }
        double delivered = 100.0 * all.packets / (expectedPerClient * clients.length);
        deliveredPercent = delivered;
        double frameMs = options.packetPeriodNanos() / 1e6;
        out.printf(Locale.ROOT, "clients %d (%s %s %s, %s mixes), established %d in %.1f s%s%n", clients.length,
                options.codec(), options.quality(), options.channels() == 2 ? "stereo" : "mono",
                options.distinctMixes() ? "distinct" : "default", established, connectSeconds,
                options.distinctMixes() ? ", gain messages still unACKed: " + gainsPending : "");
        out.printf(Locale.ROOT, "window %.2f s, expected %.0f packets per client (one per %.3f ms)%n", windowSeconds,
                expectedPerClient, frameMs);
        out.printf(Locale.ROOT, "delivered %.3f %% (worst client %.2f %%), gaps p50 %.3f ms, p99 %.3f ms "
                        + "(worst client %.3f ms), max %.3f ms%n", delivered, worstDelivered, all.gapQuantileMs(0.5),
                all.gapQuantileMs(0.99), worstP99, all.maxGapNanos / 1e6);
        out.printf(Locale.ROOT, "lost %d, late (gap > 2 frames) %d, reordered %d; %.1f %% of packets carried a sequence "
                + "number%n", all.lost, all.late, all.reordered, 100.0 * all.sequenced / Math.max(1, all.packets));
        out.printf(Locale.ROOT, "server CPU %.1f %%, generator CPU %.1f %%, generator late ticks %d (max lag %.2f ms),"
                + " load average %s -> %s%n", serverCpuPercent, ownCpuPercent, senderLateTicks, senderMaxLagMs,
                loadAtStart, loadAtEnd);
        out.printf(Locale.ROOT, "RESULT clients=%d established=%d delivered_pct=%.3f worst_client_pct=%.2f "
                        + "gap_p50_ms=%.3f gap_p99_ms=%.3f gap_max_ms=%.3f frame_ms=%.3f lost=%d late=%d reordered=%d "
                        + "server_cpu_pct=%.1f gen_cpu_pct=%.1f gen_late_ticks=%d load1=%s%n", clients.length,
                established, delivered, worstDelivered, all.gapQuantileMs(0.5), all.gapQuantileMs(0.99),
                all.maxGapNanos / 1e6, frameMs, all.lost, all.late, all.reordered, serverCpuPercent, ownCpuPercent,
                senderLateTicks, loadAtEnd.split(" ")[0]);
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
