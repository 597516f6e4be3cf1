package org.tutti.server.ui;

import java.net.InetAddress;
import java.time.Duration;

/** What the server panel asks of the running server (called on the EDT; hand work to the server's threads). */
public interface ServerPanelListener {
    /** Name, city, country, directory, options, recording folder or welcome message were applied. */
    void settingsApplied(ServerPanelSettings settings);

    /** The recorder switch or its folder changed ({@code folder} "" for none). */
    void recorderChanged(String folder, boolean enabled);

    /** Close the current recording and start a new one. */
    void newRecording();

    /** Connect this application's client to its own server. */
    void joinOwnServer();

    /** Let client {@code id} in from the password lobby without the password. */
    default void admitClient(int id) {
    }

    /** Disconnect client {@code id} (it may come back after a minute). */
    default void kickClient(int id) {
    }

    /** Ban client {@code id}'s IP address for {@code length}, or until unbanned when null, and disconnect it. */
    default void banClient(int id, Duration length) {
    }

    /** End the ban of {@code address}. */
    default void unban(InetAddress address) {
    }
}
