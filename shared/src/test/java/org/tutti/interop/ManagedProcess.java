package org.tutti.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file, stopped politely: SIGTERM, then wait. Only if it ignores that
 * for {@link #STOP_GRACE_SECONDS} is it killed, because jackd and JACK clients killed hard leave stale shared memory.
 */
public class ManagedProcess implements AutoCloseable {
    static final long STOP_GRACE_SECONDS = 10;

    private final String name;
    private final Process process;
    private final Path log;

    protected ManagedProcess(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.log = log;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Starts {@code command} with extra environment variables, logging to {@code log}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        return new ManagedProcess(name, command, env, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The log so far, for failure messages. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Throws with the log attached if the process has died. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; log " + log
                    + ":\n" + logText());
        }
    }

    /** Waits for the process to end by itself; returns its exit code or -1 on time-out. */
    public int waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM, wait, and SIGKILL only as a last resort. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (waitFor(STOP_GRACE_SECONDS) < 0 && process.isAlive()) {
            process.destroyForcibly();
            waitFor(STOP_GRACE_SECONDS);
        }
    }
}
