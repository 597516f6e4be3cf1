package org.tutti.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on a launched tutti.jar whose output goes to a file: neither it nor the server pushes events, so poll. */
final class ProcessOutput {
    private ProcessOutput() {
    }

    /** The process's output so far ("" when it cannot be read yet). */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls {@code condition} every 50 ms; on timeout fails with {@code what} and the process's output. */
    static void awaitOrFail(BooleanSupplier condition, Duration timeout, String what, Path out) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what + "; process output:\n" + read(out));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
