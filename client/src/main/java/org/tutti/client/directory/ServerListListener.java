package org.tutti.client.directory;

import java.util.List;

/** Callbacks of a {@link ServerListQuery}, on the thread that drives the query (GUIs hop to their own thread). */
public interface ServerListListener {
    /** The list or something in it changed (a list arrived, a ping answer, musicians, version). */
    void serversChanged(List<ListedServer> servers);

    /** The directory's list arrived; {@code full} is false for the reduced list that may precede it. */
    default void listReceived(boolean full) {
    }

    /** A listed server answered a ping ({@link ListedServer#pingMs()} and {@link ListedServer#numClients()} fresh). */
    default void serverAnswered(ListedServer server) {
    }
}
