package org.tutti.client.session;

import java.io.IOException;
import java.util.List;
import javax.swing.SwingUtilities;
import org.tutti.client.directory.DirectoryBrowser;
import org.tutti.client.directory.ListedServer;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;
import org.tutti.client.ui.connect.ServerRow;

/**
 * At most one {@link DirectoryBrowser} at a time, for a session's Connection Setup dialog (EDT only). The browser's
 * results become dialog rows and texts, handed to the dialog on the EDT.
 */
public final class DirectoryBrowsing {
    private DirectoryBrowser current;

    public void browse(String directoryAddress, ServerListSink sink) {
        stop();
        try {
            current = start(directoryAddress, sink);
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

    /** Starts browsing {@code host[:port]}; rows and problems reach {@code sink} on the EDT. Close it when done. */
    public static DirectoryBrowser start(String directoryAddress, ServerListSink sink) throws IOException {
        return DirectoryBrowser.start(directoryAddress, new DirectoryBrowser.Listener() {
            @Override
            public void servers(List<ListedServer> answered) {
                List<ServerRow> rows = answered.stream().map(ServerRow::of).toList();
                SwingUtilities.invokeLater(() -> sink.showServers(rows));
            }

            @Override
            public void problem(DirectoryBrowser.Problem problem) {
                String text = switch (problem) {
                    case UNRESOLVED -> I18n.tr("connect.unresolved", directoryAddress);
                    case NO_ANSWER -> I18n.tr("connect.noAnswer", directoryAddress);
                };
                SwingUtilities.invokeLater(() -> sink.showProblem(text));
            }
        });
    }
}
