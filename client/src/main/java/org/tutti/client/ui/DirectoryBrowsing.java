package org.tutti.client.ui;

import java.io.IOException;

/** At most one {@link DirectoryBrowser} at a time, for a session's Connection Setup dialog (EDT only). */
final class DirectoryBrowsing {
    private DirectoryBrowser current;

    void browse(String directoryAddress, ServerListSink sink) {
        stop();
        try {
            current = DirectoryBrowser.start(directoryAddress, sink);
        } catch (IOException e) {
            sink.showProblem(I18n.tr("connect.noAnswer", directoryAddress));
        }
    }

    void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
