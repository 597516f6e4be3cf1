package org.tutti.server.ui;

/** A server panel listener that ignores everything: tests override only what they watch. */
class QuietListener implements ServerPanelListener {
    @Override
    public void settingsApplied(ServerPanelSettings settings) {
    }

    @Override
    public void recorderChanged(String folder, boolean enabled) {
    }

    @Override
    public void newRecording() {
    }

    @Override
    public void joinOwnServer() {
    }
}
