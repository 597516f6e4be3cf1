package org.tutti.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A non-blocking UDP socket that receives and sends datagrams in batches and names senders by a compact key, so
 * that a server finds a peer's state by a hash lookup without allocating. Two implementations: {@link LinuxUdpSocket}
 * ({@code recvmmsg}/{@code sendmmsg}/{@code poll} through the FFM API, allocation free) and {@link NioUdpSocket}
 * (the JDK's {@code DatagramChannel}, which allocates the sender's address per datagram), chosen by {@link #open}.
 *
 * <p>Receiving, {@link #send single sends} and {@link #awaitReadable} belong to one owning thread; other threads send
 * through their own {@link #newSendBatch() batches}; {@link #wakeup} may be called from any thread.
 */
public interface BatchUdpSocket extends AutoCloseable {
    /** {@code -Dtutti.net=nio} forces the JDK implementation, {@code ffm} insists on the native one. */
    String PROPERTY = "tutti.net";

    /** Opens the best implementation available; the choice is logged once per process. */
    static BatchUdpSocket open(UdpSocketConfig config) throws IOException {
        String wanted = System.getProperty(PROPERTY, "auto");
        String why;
        if (wanted.equals("nio")) {
            why = "-D" + PROPERTY + "=nio";
        } else {
            why = LinuxUdpSocket.unavailableReason();
            if (why == null) {
                BatchUdpSocket s = LinuxUdpSocket.open(config);
                Choice.log("UDP: Linux recvmmsg/sendmmsg through FFM, batches of " + config.batchSize());
                return s;
            }
            if (wanted.equals("ffm")) {
                throw new IOException("native UDP socket unavailable: " + why);
            }
        }
        BatchUdpSocket s = NioUdpSocket.open(config);
        Choice.log("UDP: JDK DatagramChannel (" + why + ")");
        return s;
    }

    /** Short name of the implementation: "linux-ffm" or "nio". */
    String implementation();

    int localPort();

    /**
     * Receives what is waiting, up to one batch, without blocking; returns how many datagrams are now readable as
     * indexes {@code 0..n-1} (until the next call). Truncated datagrams are dropped and counted.
     */
    int receive();

    /** Length of datagram {@code i}. */
    int length(int i);

    /** Copies datagram {@code i} into {@code dst} at {@code offset}; returns its length. */
    int copy(int i, byte[] dst, int offset);

    /** The compact key of the sender of datagram {@code i} ({@link UdpEndpoint#key}). */
    long senderKey(int i);

    /** True when datagram {@code i} came from {@code peer} (confirms a key match; no allocation). */
    boolean senderIs(int i, UdpEndpoint peer);

    /** The sender of datagram {@code i} as an endpoint: allocates, for unknown senders only. */
    UdpEndpoint sender(int i);

    /** Sends one datagram now (owning thread); failures are counted. */
    boolean send(UdpEndpoint to, byte[] data, int offset, int length);

    /** Sends one datagram to any address (control traffic; allocates). */
    default boolean send(InetSocketAddress to, byte[] data, int offset, int length) {
        return send(UdpEndpoint.of(to), data, offset, length);
    }

    /** A new batch for one sending thread. */
    SendBatch newSendBatch();

    /** Sleeps until a datagram is waiting, {@link #wakeup} is called, or {@code timeoutMs} pass. */
    void awaitReadable(long timeoutMs);

    /** Ends an {@link #awaitReadable} early (any thread). */
    void wakeup();

    /** Datagrams dropped because they were longer than the configured maximum. */
    long truncatedDatagrams();

    /** Receive calls that failed with an error other than "nothing waiting". */
    long receiveErrors();

    /** Single sends that failed (batches count their own). */
    long sendErrors();

    @Override
    void close();

    /** Logs the implementation choice once per process. */
    final class Choice {
        private static final AtomicBoolean LOGGED = new AtomicBoolean();

        private Choice() {
        }

        static void log(String line) {
            if (LOGGED.compareAndSet(false, true)) {
                System.getLogger("tutti.net").log(System.Logger.Level.INFO, line);
            }
        }
    }
}
