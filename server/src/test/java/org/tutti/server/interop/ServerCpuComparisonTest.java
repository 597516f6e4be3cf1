package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.interop.FreePorts;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.Peers;
import org.tutti.server.cli.ServerMainForTests;
import org.tutti.server.engine.StreamingClients;
import org.tutti.testing.Await;

/**
 * The same load on the real Jamulus server and on Tutti's headless server, each in its own process: N scripted
 * clients stream real Opus audio (OPUS, 128 samples, stereo, 71 bytes + sequence number, like a 3.9.1 client at
 * normal quality). The test asserts that every client gets its mix back; the server's CPU time (from /proc) is
 * printed for docs/performance-server.md, not asserted.
 */
class ServerCpuComparisonTest {
    /** Clients in the load; {@code -Dtutti.loadClients=N} for bigger runs. */
    private static final int CLIENTS = Integer.getInteger("tutti.loadClients", 12);
    private static final long MEASURE_MS = 8000;

    @TempDir
    Path dir;

    @BeforeEach
    void needsJamulus() {
        Peers.require(Peers.JAMULUS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jamulus", "tutti"})
    void sameLoadOnBothServers(String which) throws Exception {
        int port;
        ManagedProcess process;
        JamulusServer jamulus = null;
        if (which.equals("jamulus")) {
            jamulus = JamulusServer.start(dir, CLIENTS + 2);
            port = jamulus.udpPort();
            process = jamulus.process();
        } else {
            port = FreePorts.udp();
            String java = ProcessHandle.current().info().command().orElse("java");
            process = ManagedProcess.start("tutti server", List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), ServerMainForTests.class.getName(), "-s", "-n",
                    "-p", Integer.toString(port), "-u", Integer.toString(CLIENTS + 2)), Map.of(),
                    dir.resolve("tutti-server.log"));
            ManagedProcess started = process;
            Await.until("the Tutti server to listen", () -> started.logText().contains("server on UDP port " + port));
        }
        try (StreamingClients clients = StreamingClients.start(port, CLIENTS)) {
            Thread.sleep(4000); // connect, fade in, JIT warm-up
            long cpuBefore = cpuTicks(process.pid());
            long start = System.nanoTime();
            Thread.sleep(MEASURE_MS);
            long cpu = cpuTicks(process.pid()) - cpuBefore;
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double percent = 100.0 * cpu / 100.0 / wallSeconds; // /proc ticks are 1/100 s on Linux
            System.out.printf("CPU %s: %d clients, %.1f %% of one core (%d ticks in %.1f s)%n", which, CLIENTS,
                    percent, cpu, wallSeconds);
            assertThat(clients.allHearAudio()).as("every client gets its mix back").isTrue();
        } finally {
            if (jamulus != null) {
                jamulus.close();
            } else {
                process.close();
            }
        }
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
