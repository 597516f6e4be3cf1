package org.tutti.client.directory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.tutti.client.engine.ServerAddress;

/**
 * Browses one directory for the Connection Setup dialog: resolves its name off the caller's thread, then runs a
 * {@link DirectoryPoller} (its own UDP socket and thread, driving the client's {@code ServerListQuery}) until closed,
 * so neither the EDT nor the audio engine waits on a directory. It reports to a {@link Listener} on its own threads;
 * {@code org.tutti.client.session.DirectoryBrowsing} turns that into dialog rows and texts on the EDT.
 */
public final class DirectoryBrowser implements AutoCloseable {
    /** What went wrong with a directory. */
    public enum Problem {
        /** The directory's name does not resolve (or the address is malformed). */
        UNRESOLVED,
        /** No answer: the socket could not be opened, or the directory stayed silent for a while. */
        NO_ANSWER
    }

    /** Receives the browse results on the browser's threads (not the EDT). */
    public interface Listener {
        /** The servers that answered a ping (Jamulus hides the silent ones), each time the list changes. */
        void servers(List<ListedServer> answered);

        void problem(Problem problem);
    }

    private static final long SILENCE_WARNING_MS = 5_000;
    private DirectoryPoller poller; // guarded by this
    private boolean closed;         // guarded by this
    private boolean warned;         // poller thread only

    private DirectoryBrowser(String directoryAddress, Listener listener) {
        Thread.ofPlatform().daemon().name("tutti-directory-browser")
                .start(() -> run(directoryAddress, listener));
    }

    /** Starts browsing {@code host[:port]}; answers and problems go to {@code listener} on the browser's threads. */
    public static DirectoryBrowser start(String directoryAddress, Listener listener) throws IOException {
        return new DirectoryBrowser(directoryAddress, listener);
    }

    private void run(String directoryAddress, Listener listener) {
        InetSocketAddress directory;
        try {
            directory = ServerAddress.parse(directoryAddress).resolve(); // DNS: never on the EDT
        } catch (IOException | RuntimeException e) {
            listener.problem(Problem.UNRESOLVED);
            return;
        }
        ServerListListener answered = servers -> listener.servers(answered(servers));
        DirectoryPoller.Watch silence = (query, elapsedMs) -> {
            if (!warned && !query.fullListReceived() && query.snapshot().isEmpty() && elapsedMs > SILENCE_WARNING_MS) {
                warned = true;
                listener.problem(Problem.NO_ANSWER);
            }
        };
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                poller = DirectoryPoller.startUntilClosed(directory, answered, silence);
            } catch (IOException e) {
                listener.problem(Problem.NO_ANSWER);
            }
        }
    }

    /** Servers that answered a ping (Jamulus hides the silent ones). */
    static List<ListedServer> answered(List<ListedServer> servers) {
        return servers.stream().filter(ListedServer::answered).toList();
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
