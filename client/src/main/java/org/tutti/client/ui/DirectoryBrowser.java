package org.tutti.client.ui;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.swing.SwingUtilities;
import org.tutti.client.directory.ListedServer;
import org.tutti.client.directory.ServerListQuery;
import org.tutti.client.engine.ServerAddress;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;

/**
 * Drives one {@link ServerListQuery} (the client's directory component, which does all the protocol work) for the
 * Connection Setup dialog: its own UDP socket and thread, so neither the EDT nor the audio engine waits on a
 * directory. Rows reach the dialog on the EDT. Stand-in until the client engine hosts the query on its socket.
 */
public final class DirectoryBrowser implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long malformed;

    private DirectoryBrowser(String directoryAddress, ServerListSink sink) throws IOException {
        socket = new DatagramSocket();
        socket.setSoTimeout(5);
        thread = Thread.ofPlatform().daemon().name("tutti-directory-browser").start(() -> run(directoryAddress, sink));
    }

    /** Starts browsing {@code host[:port]}; answers and problems go to {@code sink} on the EDT. */
    public static DirectoryBrowser start(String directoryAddress, ServerListSink sink) throws IOException {
        return new DirectoryBrowser(directoryAddress, sink);
    }

    private void run(String directoryAddress, ServerListSink sink) {
        InetSocketAddress directory;
        try {
            directory = ServerAddress.parse(directoryAddress).resolve();
        } catch (IOException | RuntimeException e) {
            SwingUtilities.invokeLater(() -> sink.showProblem(I18n.tr("connect.unresolved", directoryAddress)));
            return;
        }
        ServerListQuery query = new ServerListQuery(directory, (message, to) -> send(message, to),
                servers -> {
                    List<ServerRow> rows = rows(servers);
                    SwingUtilities.invokeLater(() -> sink.showServers(rows));
                });
        long start = nowMs();
        query.start(start);
        byte[] buf = new byte[20_000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        boolean warned = false;
        while (running) {
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
                offer(query, buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
            } catch (SocketTimeoutException e) {
                // time to poll
            } catch (IOException e) {
                if (!running) {
                    break;
                }
            }
            long now = nowMs();
            query.poll(now);
            if (!warned && !query.fullListReceived() && query.snapshot().isEmpty() && now - start > 5_000) {
                warned = true;
                SwingUtilities.invokeLater(() -> sink.showProblem(I18n.tr("connect.noAnswer", directoryAddress)));
            }
        }
        query.stop();
    }

    /** Servers that answered a ping, as dialog rows (Jamulus hides the silent ones). */
    static List<ServerRow> rows(List<ListedServer> servers) {
        return servers.stream().filter(ListedServer::answered).map(ServerRow::of).toList();
    }

    private void offer(ServerListQuery query, byte[] buf, int len, InetSocketAddress from) {
        if (DatagramKind.classify(buf, 0, len) != DatagramKind.CONNECTIONLESS) {
            return;
        }
        try {
            query.onMessage((ConnectionlessMessage) MessageCodec.decodeFrame(buf, 0, len), from, nowMs());
        } catch (MalformedMessageException | ClassCastException e) {
            malformed++; // dropped and counted
        }
    }

    private void send(ConnectionlessMessage message, InetSocketAddress to) {
        byte[] frame = MessageCodec.encodeFrame(message);
        try {
            socket.send(new DatagramPacket(frame, frame.length, to));
        } catch (IOException e) {
            // unreachable network: the query retries on its own schedule
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    public long malformedDatagrams() {
        return malformed;
    }

    @Override
    public void close() {
        running = false;
        socket.close();
    }
}
