package org.tutti.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process from {@code /proc/PID/stat} (utime + stime, in clock ticks of 1/100 s, the
 * USER_HZ of Linux on x86 and arm), sampled at the start and end of the measured window.
 */
final class ServerCpu {
    private static final double TICKS_PER_SECOND = 100.0;
    private final long pid;
    private final long startTicks;
    private final long startNanos;

    private ServerCpu(long pid) {
        this.pid = pid;
        this.startTicks = ticks(pid);
        this.startNanos = System.nanoTime();
    }

    /** Starts measuring {@code pid}, or returns null when no PID was given. */
    static ServerCpu of(long pid) {
        return pid > 0 ? new ServerCpu(pid) : null;
    }

    /** CPU use since the start in percent of one core (200 % = two cores busy); NaN if unreadable. */
    double percentSinceStart() {
        long end = ticks(pid);
        if (end < 0 || startTicks < 0) {
            return Double.NaN;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return 100.0 * (end - startTicks) / TICKS_PER_SECOND / seconds;
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
