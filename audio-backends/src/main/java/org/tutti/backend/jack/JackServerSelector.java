package org.tutti.backend.jack;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * libjack picks its server from the C environment variable JACK_DEFAULT_SERVER at every client open, and JNAJack has
 * no "server name" option. Selecting a named server therefore means setting that variable in this process.
 */
final class JackServerSelector {
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static final String VARIABLE = "JACK_DEFAULT_SERVER";

    private JackServerSelector() {
    }

    /** Points libjack at {@code serverName}; null keeps the current choice. */
    static synchronized void select(String serverName) {
        if (serverName == null || serverName.isBlank()) {
            return;
        }
        LibC libc = Native.load("c", LibC.class);
        libc.setenv(VARIABLE, serverName, 1);
    }

    /** The server libjack would use now ("default" when the variable is unset). */
    static synchronized String current() {
        try {
            String name = Native.load("c", LibC.class).getenv(VARIABLE);
            return name == null || name.isEmpty() ? "default" : name;
        } catch (LinkageError e) {
            String env = System.getenv(VARIABLE);
            return env == null ? "default" : env;
        }
    }
}
