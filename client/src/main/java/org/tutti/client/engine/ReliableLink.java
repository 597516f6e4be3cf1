package org.tutti.client.engine;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.Ack;
import org.tutti.protocol.ConnectedMessage.SplitPart;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.MessageId;

/**
 * The client's half of Jamulus's reliable channel (protocol doc §2.3, §2.5): stop-and-wait sending with re-send
 * every 400 ms until ACKed, immediate ACK of every received connected message, last-message duplicate check, and
 * split messages (send side once negotiated, receive side always). Owned by the engine's control thread.
 *
 * <p>Private to the client until the shared reliable channel of the protocol layer lands; it only uses the shared
 * codec and framing.
 */
final class ReliableLink {
    static final long RESEND_NANOS = 400_000_000L;
    static final int SPLIT_BODY_BYTES = 550;
    private static final int MAX_SPLIT_PARTS = 36;

    private record Pending(int id, int counter, byte[] frame) {
    }

    private final Consumer<byte[]> out;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int nextCounter;
    private long headSentNanos;
    private boolean splitEnabled;
    private int lastReceivedId = -1;
    private int lastReceivedCounter = -1;
    private ByteArrayOutputStream splitBuffer;
    private int splitId = -1;
    private int splitNextIndex;
    long malformed;

    ReliableLink(Consumer<byte[]> out) {
        this.out = out;
    }

    /** After SPLIT_MESS_SUPPORTED: large bodies queued from now on are split. */
    void enableSplit() {
        splitEnabled = true;
    }

    void send(ConnectedMessage message, long nowNanos) {
        byte[] body = MessageCodec.encodeBody(message);
        if (splitEnabled && body.length > SPLIT_BODY_BYTES) {
            int parts = (body.length + SPLIT_BODY_BYTES - 1) / SPLIT_BODY_BYTES;
            for (int p = 0; p < parts; p++) {
                int from = p * SPLIT_BODY_BYTES;
                byte[] data = java.util.Arrays.copyOfRange(body, from, Math.min(body.length, from + SPLIT_BODY_BYTES));
                enqueue(MessageId.SPECIAL_SPLIT_MESSAGE,
                        MessageCodec.encodeBody(new SplitPart(message.id(), parts, p, data)), nowNanos);
            }
        } else {
            enqueue(message.id(), body, nowNanos);
        }
    }

    private void enqueue(int id, byte[] body, long nowNanos) {
        int counter = nextCounter;
        nextCounter = (nextCounter + 1) & 0xFF;
        queue.add(new Pending(id, counter, Frame.build(id, counter, body)));
        if (queue.size() == 1) {
            transmitHead(nowNanos);
        }
    }

    private void transmitHead(long nowNanos) {
        Pending head = queue.peek();
        if (head != null) {
            out.accept(head.frame());
            headSentNanos = nowNanos;
        }
    }

    /** Re-sends the head if it has waited 400 ms for its ACK. */
    void tick(long nowNanos) {
        if (!queue.isEmpty() && nowNanos - headSentNanos >= RESEND_NANOS) {
            transmitHead(nowNanos);
        }
    }

    /**
     * Handles one received connected frame (already validated): ACKs it and returns the message to act on, or null
     * (an ACK, a duplicate, an incomplete split message, or a malformed body).
     */
    ConnectedMessage receive(byte[] frame, int len, long nowNanos) {
        int id = Frame.id(frame, 0);
        int counter = Frame.counter(frame, 0);
        int bodyOff = Frame.bodyOffset(0);
        int bodyLen = Frame.bodyLength(frame, 0);
        if (id == MessageId.ACKN) {
            if (bodyLen >= 2) {
                int acked = (frame[bodyOff] & 0xFF) | (frame[bodyOff + 1] & 0xFF) << 8;
                Pending head = queue.peek();
                if (head != null && head.counter() == counter && head.id() == acked) {
                    queue.poll();
                    transmitHead(nowNanos);
                }
            }
            return null;
        }
        out.accept(MessageCodec.encodeFrame(new Ack(id), counter));
        if (id == lastReceivedId && counter == lastReceivedCounter) {
            return null;
        }
        lastReceivedId = id;
        lastReceivedCounter = counter;
        try {
            Message m = MessageCodec.decode(id, frame, bodyOff, bodyLen);
            if (m instanceof SplitPart part) {
                return reassemble(part);
            }
            splitId = -1; // any ordinary message ends a split sequence
            return m instanceof ConnectedMessage c ? c : null;
        } catch (MalformedMessageException | RuntimeException e) {
            malformed++;
            return null;
        }
    }

    private ConnectedMessage reassemble(SplitPart part) throws MalformedMessageException {
        if (part.partCount() > MAX_SPLIT_PARTS) {
            malformed++;
            splitId = -1;
            return null;
        }
        if (part.partIndex() == 0) {
            splitBuffer = new ByteArrayOutputStream();
            splitId = part.originalId();
            splitNextIndex = 0;
        }
        if (splitId != part.originalId() || part.partIndex() != splitNextIndex) {
            splitId = -1;
            return null;
        }
        splitBuffer.writeBytes(part.data());
        splitNextIndex++;
        if (splitNextIndex < part.partCount()) {
            return null;
        }
        splitId = -1;
        byte[] body = splitBuffer.toByteArray();
        Message m = MessageCodec.decode(part.originalId(), body, 0, body.length);
        return m instanceof ConnectedMessage c ? c : null;
    }

    boolean idle() {
        return queue.isEmpty();
    }

    /** Forgets everything (new connection). */
    void reset() {
        queue.clear();
        nextCounter = 0;
        splitEnabled = false;
        lastReceivedId = -1;
        lastReceivedCounter = -1;
        splitId = -1;
    }
}
