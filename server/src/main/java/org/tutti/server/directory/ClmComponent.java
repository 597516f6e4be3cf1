package org.tutti.server.directory;

import java.net.InetSocketAddress;
import org.tutti.protocol.ConnectionlessMessage;

/**
 * A socket-less protocol component an engine hosts on its UDP socket thread: it is handed each received CLM and is
 * polled regularly. {@link ServerRegistrar}, {@link DirectoryService} and the client's server-list query implement it,
 * so an engine can keep a list of them and offer each CLM to them in turn.
 */
public interface ClmComponent {
    /**
     * Offers a received CLM.
     *
     * @param from  the datagram's source address
     * @param nowMs the engine's monotonic clock in ms (the same clock as for {@link #poll})
     * @return true when the component consumed it (the engine need not handle it any further)
     */
    boolean onMessage(ConnectionlessMessage message, InetSocketAddress from, long nowMs);

    /** Runs timers; call at least every 100 ms (the server-list query wants ~5 ms while it pings). */
    void poll(long nowMs);
}
