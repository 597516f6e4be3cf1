package org.tutti.client.engine;

import org.tutti.net.ReliableChannel;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * Where a protocol datagram from the server goes, for the main connection and each extra channel alike: connected
 * messages to the reliable link (which acknowledges and orders them), connection-less ones to the replies.
 */
final class ProtocolFrames {
    private ProtocolFrames() {
    }

    /** Control thread. Returns false when the frame did not decode (the caller counts it). */
    static boolean dispatch(byte[] frame, ReliableChannel link, ServerReplies replies, long nowNanos) {
        if (DatagramKind.classify(frame, 0, frame.length) == DatagramKind.CONNECTED) {
            link.onReceive(frame, 0, frame.length, nowNanos);
            return true;
        }
        try {
            Message m = MessageCodec.decodeFrame(frame, 0, frame.length);
            if (m instanceof ConnectionlessMessage clm) {
                replies.handle(clm, nowNanos);
            }
            return true;
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}
