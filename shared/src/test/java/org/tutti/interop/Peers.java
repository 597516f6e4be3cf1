package org.tutti.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the external programs interop tests need. Locally a missing program skips the test with a clear message;
 * with {@code CI=true} it fails, so CI can never pass by skipping.
 */
public final class Peers {
    public static final String JAMULUS = "Jamulus";
    public static final String JACKD = "jackd";
    public static final String JACK_TOOLS = "jack_simple_client";
    public static final String JACK_REC = "jack_rec";
    public static final String JACK_IODELAY = "jack_iodelay";

    private Peers() {
    }

    /** Skips (locally) or fails (CI=true) unless every named program is on the PATH. */
    public static void require(String... programs) {
        for (String program : programs) {
            if (find(program).isEmpty()) {
                String message = program + " is not on the PATH (on Debian: apt-get install jamulus jackd2 libsndfile1);"
                        + " the interop test cannot run";
                if (isCi()) {
                    fail(message + " and CI=true forbids skipping");
                }
                Assumptions.abort(message);
            }
        }
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The program's path on the PATH, if any. */
    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
