package org.tutti.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private jackd with the dummy driver at 48 kHz, 128-sample periods, under a unique server name. Pass
 * {@link #env()} to every JACK client so it talks to this server and not to a default one.
 */
public final class DummyJack implements AutoCloseable {
    public static final int SAMPLE_RATE = 48000;
    public static final int PERIOD_SAMPLES = 128;

    private final String serverName;
    private final ManagedProcess jackd;

    private DummyJack(String serverName, ManagedProcess jackd) {
        this.serverName = serverName;
        this.jackd = jackd;
    }

    /**
     * Starts jackd and waits until clients can connect. Logs go to {@code dir}. If jackd refuses because the
     * shared-memory registry is full of stale entries (left by jackd processes killed hard) while no jackd runs at
     * all, the stale entries are removed and jackd is tried once more (docs/toolchain.md §9).
     */
    public static DummyJack start(Path dir) {
        return start(dir, PERIOD_SAMPLES);
    }

    /** As {@link #start(Path)}, with a period of {@code periodSamples} (64 for small network buffers). */
    public static DummyJack start(Path dir, int periodSamples) {
        try {
            return startOnce(dir, periodSamples);
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("Too many servers") && removeStaleRegistryIfNoJackd()) {
                return startOnce(dir, periodSamples);
            }
            throw e;
        }
    }

    private static boolean removeStaleRegistryIfNoJackd() {
        boolean jackdRunning = ProcessHandle.allProcesses().anyMatch(p -> p.info().command()
                .map(c -> c.endsWith("/jackd")).orElse(false));
        if (jackdRunning) {
            return false;
        }
        try (var entries = java.nio.file.Files.list(Path.of("/dev/shm"))) {
            for (Path p : entries.toList()) {
                String n = p.getFileName().toString();
                if (n.equals("jack-shm-registry") || n.startsWith("jack_sem.")) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static DummyJack startOnce(Path dir, int periodSamples) {
        String name = "tutti-" + UUID.randomUUID().toString().substring(0, 8);
        ManagedProcess jackd = ManagedProcess.start("jackd " + name,
                List.of("jackd", "-n", name, "-d", "dummy", "-r", Integer.toString(SAMPLE_RATE),
                        "-p", Integer.toString(periodSamples)),
                Map.of(), dir.resolve("jackd-" + name + ".log"));
        DummyJack jack = new DummyJack(name, jackd);
        try {
            jack.awaitReady();
        } catch (RuntimeException e) {
            jack.close();
            throw e;
        }
        return jack;
    }

    private void awaitReady() {
        ManagedProcess wait = ManagedProcess.start("jack_wait", List.of("jack_wait", "-s", serverName, "-w", "-t", "10"),
                env(), jackd.log().resolveSibling("jack_wait-" + serverName + ".log"));
        int code = wait.waitFor(15);
        wait.close();
        jackd.assertAlive();
        if (code != 0) {
            throw new IllegalStateException("jackd " + serverName + " did not come up; log:\n" + jackd.logText());
        }
    }

    public String serverName() {
        return serverName;
    }

    /** Environment for JACK clients of this server. */
    public Map<String, String> env() {
        return Map.of("JACK_DEFAULT_SERVER", serverName, "JACK_NO_START_SERVER", "1");
    }

    /** Connects two ports ({@code jack_connect}); throws with the tool's output if that fails. */
    public void connect(String fromPort, String toPort) {
        runTool(List.of("jack_connect", "-s", serverName, fromPort, toPort));
    }

    /** Lists ports with their connections ({@code jack_lsp -c}), for diagnostics. */
    public String describePorts() {
        return runTool(List.of("jack_lsp", "-s", serverName, "-c"));
    }

    String runTool(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops jackd with SIGTERM and waits for it (stop its clients first). */
    @Override
    public void close() {
        jackd.close();
    }
}
