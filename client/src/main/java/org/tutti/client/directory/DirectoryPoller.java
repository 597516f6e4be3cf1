package org.tutti.client.directory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;

/**
 * Runs one {@link ServerListQuery} for a limited time on its own UDP socket and thread, for callers without a GUI
 * (the headless client's {@code jamulusclient/pollServerList}). Listener callbacks come on the poller's thread.
 * Garbage datagrams are dropped and counted.
 */
public final class DirectoryPoller implements AutoCloseable {
    /** Looks at the query after each poll (on the poller's thread), e.g. to warn when a directory stays silent. */
    public interface Watch {
        void polled(ServerListQuery query, long elapsedMs);
    }

    private static final int RECEIVE_TIMEOUT_MS = 5;
    private final DatagramSocket socket;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long malformedDatagrams;

    private DirectoryPoller(InetSocketAddress directory, long durationMs, ServerListListener listener, Watch watch)
            throws SocketException {
        socket = new DatagramSocket();
        socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
        thread = Thread.ofPlatform().daemon().name("tutti-directory-poller")
                .start(() -> run(directory, durationMs, listener, watch));
    }

    /** Asks {@code directory} for its list and pings the listed servers for {@code durationMs}. */
    public static DirectoryPoller start(InetSocketAddress directory, long durationMs, ServerListListener listener)
            throws SocketException {
        return new DirectoryPoller(directory, durationMs, listener, (query, elapsedMs) -> { });
    }

    /** As above, until closed, with {@code watch} called after each poll. */
    public static DirectoryPoller startUntilClosed(InetSocketAddress directory, ServerListListener listener,
                                                   Watch watch) throws SocketException {
        return new DirectoryPoller(directory, Long.MAX_VALUE, listener, watch);
    }

    private void run(InetSocketAddress directory, long durationMs, ServerListListener listener, Watch watch) {
        ServerListQuery query = new ServerListQuery(directory, this::send, listener);
        long start = nowMs();
        query.start(start);
        byte[] buf = new byte[20_000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (running && nowMs() - start < durationMs) {
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
            watch.polled(query, now - start);
        }
        query.stop();
        socket.close();
    }

    private void offer(ServerListQuery query, byte[] buf, int len, InetSocketAddress from) {
        if (DatagramKind.classify(buf, 0, len) != DatagramKind.CONNECTIONLESS) {
            malformedDatagrams++;
            return;
        }
        try {
            query.onMessage((ConnectionlessMessage) MessageCodec.decodeFrame(buf, 0, len), from, nowMs());
        } catch (MalformedMessageException | ClassCastException e) {
            malformedDatagrams++;
        }
    }

    private void send(ConnectionlessMessage message, InetSocketAddress to) {
        byte[] frame = MessageCodec.encodeFrame(message);
        try {
            socket.send(new DatagramPacket(frame, frame.length, to));
        } catch (IOException e) {
            // unreachable: the query retries on its own schedule
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    /** Datagrams that were not a well-formed connectionless message. */
    public long malformedDatagrams() {
        return malformedDatagrams;
    }

    /** True while the poller still runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        socket.close();
    }
}
