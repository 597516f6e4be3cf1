package org.tutti.client.session;

import javax.swing.SwingUtilities;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;

/**
 * The session used while this build has no client engine: the window, settings and dialogs all work, and trying to
 * connect says plainly that the engine is missing instead of pretending.
 */
public final class OfflineSession implements ClientSession {
    private final DirectoryBrowsing directories = new DirectoryBrowsing();
    private ClientWindowEvents events;

    public void attach(ClientWindowEvents events) {
        this.events = events;
    }

    @Override
    public void connect(String address) {
        ClientWindowEvents e = events;
        if (e != null) {
            SwingUtilities.invokeLater(() -> e.disconnected(I18n.tr("main.engineMissing", address)));
        }
    }

    @Override
    public void disconnect() {
    }

    @Override
    public void muteMyself(boolean muted) {
    }

    @Override
    public void inputBalance(int balance) {
    }

    @Override
    public void sendChat(String text) {
    }

    @Override
    public void queryDirectory(String directoryAddress, ServerListSink sink) {
        directories.browse(directoryAddress, sink);
    }

    @Override
    public void stopDirectory() {
        directories.stop();
    }

    @Override
    public IndicatorReadings status() {
        return IndicatorReadings.IDLE;
    }
}
