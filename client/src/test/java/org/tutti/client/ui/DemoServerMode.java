package org.tutti.client.ui;

import java.nio.file.Path;
import java.util.List;
import javax.swing.JComponent;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.recorder.RecorderState;
import org.tutti.server.ui.ServerClientRow;
import org.tutti.server.ui.ServerPanel;
import org.tutti.server.ui.ServerPanelListener;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * "Run my own server" without a server: the real {@link ServerPanel}, filled as a running server would fill it
 * (three clients, registered with a directory, recording). For screenshots and layout tests.
 */
final class DemoServerMode implements ServerMode {
    private ServerPanel panel;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String start() {
        return "";
    }

    @Override
    public void stop() {
    }

    @Override
    public JComponent panel() {
        panel = new ServerPanel(new ServerPanelSettings("Friday Night Jam", "Lyon", 74,
                "<b>Welcome!</b> Be kind, tune up before joining.", 10, false, true, 22124, "/home/camille/jams",
                true, "anygenre1.jamulus.app:22124", true, 10_000), new ServerPanelListener() {
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
                });
        panel.setClients(List.of(
                new ServerClientRow("127.0.0.1:50344", "Camille", 4, 2, 582),
                new ServerClientRow("192.0.2.17:22134", "Alice", 6, 1, 222),
                new ServerClientRow("198.51.100.4:22134", "Bob", 5, 2, 300)));
        panel.setRegistration("anygenre1.jamulus.app:22124", RegistrationStatus.REGISTERED);
        panel.setRecorderState(RecorderState.RECORDING, Path.of("/home/camille/jams/Jam-20261121-203000000"), "");
        return panel;
    }

    /** The panel made by the last {@link #panel()}. */
    ServerPanel lastPanel() {
        return panel;
    }

    @Override
    public String joinAddress() {
        return "127.0.0.1:22124";
    }
}
