package org.tutti.server.engine;

import java.util.List;

/**
 * What the engine reports to the outside (log file, HTML status, JSON-RPC notifications). Called on the engine's
 * event thread, never on the audio thread, so implementations may block briefly (file writes).
 */
public interface ServerEvents {
    default void clientConnected(int id, String ip, int connectedCount) {
    }

    default void clientDisconnected(int id) {
    }

    /** The musicians' names in channel order, after any change of the list. */
    default void clientListChanged(List<String> names) {
    }

    /** A chat message went to all clients; {@code senderId} is -1 for server messages. */
    default void chatSent(int senderId, String html) {
    }

    /** The bans changed (a ban, an unban): every ban still holding, for the ban file. */
    default void bansChanged(List<Ban> bans) {
    }

    /** The last client left. */
    default void serverIdle() {
    }

    /**
     * The engine thread failed repeatedly and the engine has shut down: the server no longer serves anyone. A
     * headless server should exit non-zero so its service manager restarts it.
     */
    default void engineFailed(Throwable cause) {
    }
}
