package org.tutti.app;

import java.io.IOException;
import java.io.PrintStream;
import org.tutti.Version;
import org.tutti.backend.BackendChoice;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.cli.ClientCommandLine;
import org.tutti.client.cli.HeadlessClient;
import org.tutti.client.cli.RpcOptions;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.ui.server.ServerWindow;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.cli.HeadlessServer;

/** The one launcher of {@code tutti.jar}: desktop client, headless client, server, or directory. */
public final class Main {
    /** Exit code for a command line that cannot be run (as GNU tools and Jamulus do). */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0 || !keepsRunning(args)) {
            System.exit(code);
        }
    }

    private static boolean keepsRunning(String[] args) {
        return false;
    }

    /** Runs the program and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ParsedOptions options;
        try {
            options = JamulusOptions.parse(args);
        } catch (UsageException e) {
            err.println("tutti: " + e.getMessage());
            err.println("Try 'tutti --help' for the list of options.");
            return EXIT_USAGE;
        }
        for (String warning : JamulusOptions.ineffectiveWarnings(options)) {
            err.println(warning);
        }
        if (options.has("help")) {
            out.print(JamulusOptions.usage());
            out.print("\n" + BackendChoice.describe());
            return 0;
        }
        if (options.has("version")) {
            out.println("Tutti " + Version.version() + " (speaks the Jamulus 3.9.1 protocol)");
            return 0;
        }
        if (options.has("audiobackend") && !BackendChoice.isInstalled(options.value("audiobackend", ""))) {
            err.println("tutti: unknown audio backend '" + options.value("audiobackend", "") + "' (installed: "
                    + BackendChoice.installedNames() + ")");
            return EXIT_USAGE;
        }
        if (options.has("server")) {
            // Jamulus opens the server window unless -n; without a display it runs headless and says so.
            return options.has("nogui") ? HeadlessServer.run(options, out, err)
                    : ServerWindow.run(options, out, err);
        }
        if (options.has("nogui")) {
            return HeadlessClient.run(options, out, err);
        }
        ClientCommandLine commandLine;
        try {
            commandLine = ClientCommandLine.from(options);
        } catch (UsageException e) {
            err.println("tutti: " + e.getMessage());
            return EXIT_USAGE;
        }
        // Checked before the window opens, as Jamulus does: a bad secret file ends the program with the reason.
        JsonRpcServer rpc;
        try {
            rpc = RpcOptions.open(options);
        } catch (UsageException e) {
            err.println("tutti: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("tutti: " + e.getMessage());
            return 1;
        }
        EngineFactory.useCommandLine(options.value("audiobackend", null),
                options.value("audiodevice", null), commandLine);
        return DesktopApp.run(options.has("notranslation"), options.value("connect", null),
                commandLine, rpc, err);
    }
}
