package org.tutti.client.session;

import java.io.IOException;
import org.tutti.client.directory.DirectoryBrowser;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;

/** At most one {@link DirectoryBrowser} at a time, for a session's Connection Setup dialog (EDT only). */
public final class DirectoryBrowsing {
    private DirectoryBrowser current;

    public void browse(String directoryAddress, ServerListSink sink) {
        stop();
        try {
            current = DirectoryBrowser.start(directoryAddress, sink);
        } catch (IOException e) {
            sink.showProblem(I18n.tr("connect.noAnswer", directoryAddress));
        }
    }

    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
