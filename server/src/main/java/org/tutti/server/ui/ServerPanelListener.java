package org.tutti.server.ui;


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
}
