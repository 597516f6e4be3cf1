package org.tutti.buildscripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's shell scripts for their tests: real bash, real apt/dpkg, as a real unprivileged user. */
final class Shell {
    /** The repository's scripts/ folder (Surefire runs in the module folder). */
    static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    record Result(int exit, String output, long millis) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private Shell() {
    }

    /** Copies a script into a folder every user can read, so that an unprivileged user can run it. */
    static Path readableCopy(Path dir, String script) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = dir.resolve(script);
        Files.copy(SCRIPTS.resolve(script), copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        return copy;
    }

    /**
     * Runs {@code command} as a user that is not root and cannot sudo: as root, {@code setpriv} to nobody; with
     * password-less sudo, {@code sudo setpriv} to nobody; otherwise as this user. Environment: {@code env}.
     */
    static Result runUnprivileged(Map<String, String> env, String... command) throws Exception {
        List<String> full = new ArrayList<>();
        boolean root = "0".equals(run(Map.of(), "id", "-u").output().strip());
        boolean sudo = !root && run(Map.of(), "sh", "-c", "command -v sudo >/dev/null && sudo -n true").exit() == 0;
        if (root || sudo) {
            if (sudo) {
                full.addAll(List.of("sudo", "-n"));
            }
            String uid = run(Map.of(), "id", "-u", "nobody").output().strip();
            String gid = run(Map.of(), "id", "-g", "nobody").output().strip();
            full.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        }
        full.add("env");
        env.forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(List.of(command));
        return run(Map.of(), full.toArray(String[]::new));
    }

    static Result run(Map<String, String> env, String... command) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
    }
}
