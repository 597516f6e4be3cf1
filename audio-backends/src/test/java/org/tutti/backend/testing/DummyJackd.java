package org.tutti.backend.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real jackd with the dummy driver under a unique server name, for tests. Stopped with SIGTERM and waited for, so no
 * stale /dev/shm entry is left behind (toolchain.md §9).
 */
public final class DummyJackd implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final String name;
    private final int periodFrames;
    private final Process process;
    private final Path log;

    private DummyJackd(String name, int periodFrames, Process process, Path log) {
        this.name = name;
        this.periodFrames = periodFrames;
        this.process = process;
        this.log = log;
    }

    /** Skips the test when jackd is missing, unless CI=true, where a missing peer is a failure. */
    public static void assumeInstalled() {
        boolean present = onPath("jackd");
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("jackd is not installed, but CI=true requires it (apt-get install jackd2)");
        }
        assumeTrue(present, "jackd is not installed; skipping JACK test");
    }

    public static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static DummyJackd start(int periodFrames) throws IOException, InterruptedException {
        return start(periodFrames, 48_000);
    }

    /** A server at another sample rate (e.g. 44100, to test resampling backends). */
    public static DummyJackd start(int periodFrames, int sampleRate) throws IOException, InterruptedException {
        return start(periodFrames, sampleRate, 2, 2);
    }

    /** A server whose dummy card has this many capture and playback ports (channel mapping tests need more). */
    public static DummyJackd start(int periodFrames, int sampleRate, int capturePorts, int playbackPorts)
            throws IOException, InterruptedException {
        assumeInstalled();
        String name = "tutti-t" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path log = Files.createTempFile("jackd-" + name, ".log");
        Process p = new ProcessBuilder("jackd", "-n", name, "-d", "dummy", "-r", Integer.toString(sampleRate), "-p",
                Integer.toString(periodFrames), "-C", Integer.toString(capturePorts), "-P",
                Integer.toString(playbackPorts))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DummyJackd jackd = new DummyJackd(name, periodFrames, p, log);
        jackd.awaitReady();
        return jackd;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("jackd " + name + " exited: " + Files.readString(log));
            }
            Process lsp = clientProcess(List.of("jack_lsp")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (lsp.waitFor() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("jackd " + name + " did not become ready: " + Files.readString(log));
    }

    /** A process builder whose JACK clients talk to this server. */
    public ProcessBuilder clientProcess(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JACK_DEFAULT_SERVER", name);
        return pb;
    }

    /** Runs a JACK command-line tool (jack_lsp, jack_connect …) against this server and returns its output. */
    public String run(String... command) throws IOException, InterruptedException {
        Process p = clientProcess(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    public String name() {
        return name;
    }

    public int periodFrames() {
        return periodFrames;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
