package org.tutti.server.directory;

import java.net.InetSocketAddress;
import org.tutti.protocol.ConnectionlessMessage;

/**
 * Where the directory components put the connection-less messages they send. The engine implements it with its one
 * UDP socket, e.g. {@code (message, to) -> socket.send(MessageCodec.encodeFrame(message, 0), to)}; tests capture.
 * Called on the engine's thread; must not block for long.
 */
@FunctionalInterface
public interface ClmSink {
    void send(ConnectionlessMessage message, InetSocketAddress to);
}
