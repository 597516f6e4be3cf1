package org.tutti.server.cli;

import org.tutti.cli.JamulusOptions;

/** Runs the headless server in its own JVM for process-level tests (signals, exit code), as tutti.jar -s would. */
public final class ServerMainForTests {
    private ServerMainForTests() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(HeadlessServer.run(JamulusOptions.parse(args), System.out, System.err));
    }
}
