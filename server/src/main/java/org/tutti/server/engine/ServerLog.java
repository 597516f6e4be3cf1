package org.tutti.server.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The connection log of {@code -l} in Jamulus's format (protocol doc §10.4): appended, one line per event. */
public final class ServerLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;

    /** {@code file} may be null: then lines only go to the console. */
    public ServerLog(Path file) {
        this.file = file;
    }

    public void connected(String clientIp, int connectedCount) {
        write(now() + ", " + clientIp + ", connected (" + connectedCount + ")");
    }

    public void idling() {
        write(now() + ",, server idling -------------------------------------");
    }

    private static String now() {
        return LocalDateTime.now().format(TIME);
    }

    private void write(String line) {
        System.out.println(line);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("tutti: cannot write log file " + file + ": " + e.getMessage());
        }
    }
}
