package org.tutti.server.cli;

import java.io.PrintStream;
import org.tutti.cli.ParsedOptions;

/** Runs the server without a window ({@code -s -n}). */
public final class HeadlessServer {
    private HeadlessServer() {
    }

    /** Runs until the process is asked to stop; returns the exit code. */
    public static int run(ParsedOptions options, PrintStream out, PrintStream err) {
        err.println("tutti: the server engine is not available in this build yet");
        return 1;
    }
}
