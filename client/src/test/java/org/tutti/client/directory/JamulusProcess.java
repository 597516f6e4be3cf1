package org.tutti.client.directory;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real Jamulus 3.9.1 process for interop tests (headless server or directory; no JACK needed). */
final class JamulusProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private JamulusProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The Jamulus binary on PATH; skips the test when missing, but fails it when CI=true. */
    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "Jamulus");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("Jamulus is not installed, and CI=true requires the interop tests to run");
        }
        Assumptions.abort("Jamulus is not installed: interop test skipped (install the jamulus package)");
        return null;
    }

    static JamulusProcess start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "jamulus", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        return new JamulusProcess(pb.start(), log);
    }

    /** SIGTERM (Jamulus's orderly shutdown: it unregisters and saves its directory file), then wait. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
