package org.tutti.server.engine;

import java.net.InetSocketAddress;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.ConnectedMessage;

/**
 * Everything the protocol handler sends: reliable messages into a channel's link, raw frames through the server's
 * socket, and connection-less answers that pass the anti-amplification budget (doc §5.5; a flood of requests from
 * spoofed addresses must not make the server a reflector). Engine thread only; drops are counted, never logged.
 */
final class Outbox {
    private final ServerSocket socket;
    private final EngineCounters counters;
    private final ClmAnswerBudget budget;

    Outbox(ServerSocket socket, EngineCounters counters, ClmAnswerBudget budget) {
        this.socket = socket;
        this.counters = counters;
        this.budget = budget;
    }

    /** Queues {@code message} on {@code c}'s reliable link (dropped and counted for a client that stopped ACKing). */
    void queue(ClientChannel c, ConnectedMessage message, long nowNs) {
        if (!c.link.send(message, nowNs)) {
            counters.controlMessagesDropped++;
        }
    }

    /** Sends a frame as is, outside any budget (our own timers, level lists, a channel's link). */
    void sendFrame(InetSocketAddress to, byte[] frame) {
        socket.send(to, frame, 0, frame.length);
    }

    void sendFrame(UdpEndpoint to, byte[] frame) {
        socket.send(to, frame, 0, frame.length);
    }

    void sendFrame(UdpEndpoint to, byte[] frame, int offset, int length) {
        socket.send(to, frame, offset, length);
    }

    /**
     * True when {@code from} may be answered now (its per-source allowance; connected clients always may);
     * otherwise counts the dropped answer. Asked before the answer is built, so a flood costs no encoding.
     */
    boolean mayAnswer(InetSocketAddress from, ClientChannel known, long nowNs) {
        if (budget.sourceMayAsk(from, known, nowNs)) {
            return true;
        }
        counters.clmAnswersDropped++;
        return false;
    }

    /** Sends a connection-less answer; to a stranger only within the global byte budget. */
    void sendAnswer(InetSocketAddress to, ClientChannel known, byte[] frame, long nowNs) {
        if (known == null && !budget.globalAllows(frame.length, nowNs)) {
            counters.clmAnswersDropped++;
            return;
        }
        socket.send(to, frame, 0, frame.length);
    }
}
