package org.tutti.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A JSON-RPC secret file (first line, ≥ 16 characters) for a test peer. */
public record Secrets(String secret, Path file) {
    /** Writes a fresh random secret into {@code dir}. */
    public static Secrets create(Path dir) {
        String secret = UUID.randomUUID().toString().replace("-", "");
        Path file = dir.resolve("rpc-secret-" + secret.substring(0, 6) + ".txt");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Secrets(secret, file);
    }
}
