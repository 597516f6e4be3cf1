package org.tutti.client.directory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import javax.swing.SwingUtilities;
import org.tutti.client.engine.ServerAddress;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;
import org.tutti.client.ui.connect.ServerRow;

/**
 * Browses one directory for the Connection Setup dialog: resolves its name off the EDT, then runs a
 * {@link DirectoryPoller} (its own UDP socket and thread, driving the client's {@code ServerListQuery}) until the
 * dialog closes, so neither the EDT nor the audio engine waits on a directory. Rows reach the dialog on the EDT.
 */
public final class DirectoryBrowser implements AutoCloseable {
    private static final long SILENCE_WARNING_MS = 5_000;
    private DirectoryPoller poller; // guarded by this
    private boolean closed;         // guarded by this
    private boolean warned;         // poller thread only

    private DirectoryBrowser(String directoryAddress, ServerListSink sink) {
        Thread.ofPlatform().daemon().name("tutti-directory-browser")
                .start(() -> run(directoryAddress, sink));
    }

    /** Starts browsing {@code host[:port]}; answers and problems go to {@code sink} on the EDT. */
    public static DirectoryBrowser start(String directoryAddress, ServerListSink sink) throws IOException {
        return new DirectoryBrowser(directoryAddress, sink);
    }

    private void run(String directoryAddress, ServerListSink sink) {
        InetSocketAddress directory;
        try {
            directory = ServerAddress.parse(directoryAddress).resolve(); // DNS: never on the EDT
        } catch (IOException | RuntimeException e) {
            SwingUtilities.invokeLater(() -> sink.showProblem(I18n.tr("connect.unresolved", directoryAddress)));
            return;
        }
        ServerListListener rowsToDialog = servers -> {
            List<ServerRow> rows = rows(servers);
            SwingUtilities.invokeLater(() -> sink.showServers(rows));
        };
        DirectoryPoller.Watch silence = (query, elapsedMs) -> {
            if (!warned && !query.fullListReceived() && query.snapshot().isEmpty() && elapsedMs > SILENCE_WARNING_MS) {
                warned = true;
                SwingUtilities.invokeLater(() -> sink.showProblem(I18n.tr("connect.noAnswer", directoryAddress)));
            }
        };
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                poller = DirectoryPoller.startUntilClosed(directory, rowsToDialog, silence);
            } catch (IOException e) {
                SwingUtilities.invokeLater(() -> sink.showProblem(I18n.tr("connect.noAnswer", directoryAddress)));
            }
        }
    }

    /** Servers that answered a ping, as dialog rows (Jamulus hides the silent ones). */
    static List<ServerRow> rows(List<ListedServer> servers) {
        return servers.stream().filter(ListedServer::answered).map(ServerRow::of).toList();
    }

    /** Datagrams that were not a well-formed connectionless message. */
    public synchronized long malformedDatagrams() {
        return poller == null ? 0 : poller.malformedDatagrams();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.close();
        }
    }
}
