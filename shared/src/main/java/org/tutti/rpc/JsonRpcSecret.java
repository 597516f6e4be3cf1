package org.tutti.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the JSON-RPC secret: the first line of the file, at least 16 characters, as Jamulus requires. */
public final class JsonRpcSecret {
    public static final int MIN_LENGTH = 16;

    private JsonRpcSecret() {
    }

    /** Returns the secret, or throws with a message fit for the user. */
    public static String load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String secret = lines.isEmpty() ? "" : lines.getFirst().strip();
        if (secret.length() < MIN_LENGTH) {
            throw new IOException("JSON-RPC secret in " + file + " is too short: it needs at least "
                    + MIN_LENGTH + " characters on its first line");
        }
        return secret;
    }
}
