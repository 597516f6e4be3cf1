package org.tutti.server.engine;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import org.tutti.protocol.Frame;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * Jamulus's stop-and-wait reliable messaging for one connection (protocol doc §2.3, §2.5): a FIFO of framed
 * messages, only the head on the wire, re-sent every 400 ms until ACKed; on receipt, duplicate detection of the
 * last (ID, counter) pair and reassembly of split messages. Owned by the engine thread. Works on whole frames so
 * the engine decides where they go.
 */
final class ReliableLink {
    static final long RESEND_NANOS = 400_000_000L;
    /** Jamulus's MAX_NUM_MESS_SPLIT_PARTS. */
    static final int MAX_SPLIT_PARTS = 36;

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int nextCounter;
    private long headSentNs;
    private int lastRxId = -1;
    private int lastRxCounter = -1;
    private final ByteArrayOutputStream splitData = new ByteArrayOutputStream();
    private int splitId = -1;
    private int splitParts;
    private int splitNext;

    /** Queues {@code message}; returns the frame to send now if it became the head, else null. */
    byte[] enqueue(Message message, long nowNs) {
        byte[] frame = MessageCodec.encodeFrame(message, nextCounter);
        nextCounter = (nextCounter + 1) & 0xFF;
        queue.addLast(frame);
        if (queue.size() == 1) {
            headSentNs = nowNs;
            return frame;
        }
        return null;
    }

    /** Handles an ACK; returns the next frame to send if the head was acknowledged, else null. */
    byte[] onAck(int ackedId, int counter, long nowNs) {
        byte[] head = queue.peekFirst();
        if (head == null || Frame.id(head, 0) != ackedId || Frame.counter(head, 0) != counter) {
            return null;
        }
        queue.removeFirst();
        byte[] next = queue.peekFirst();
        if (next != null) {
            headSentNs = nowNs;
        }
        return next;
    }

    /** The head frame if its re-send time has come, else null. */
    byte[] due(long nowNs) {
        byte[] head = queue.peekFirst();
        if (head != null && nowNs - headSentNs >= RESEND_NANOS) {
            headSentNs = nowNs;
            return head;
        }
        return null;
    }

    /** Records a received message; true if it repeats the last one (ACK again, but do not evaluate again). */
    boolean isRepeat(int id, int counter) {
        boolean repeat = id == lastRxId && counter == lastRxCounter;
        lastRxId = id;
        lastRxCounter = counter;
        return repeat;
    }

    /**
     * Adds one split part; returns the joined body once all parts are in, else null. Out-of-order parts restart
     * reassembly, as in Jamulus.
     */
    byte[] addSplitPart(int originalId, int parts, int index, byte[] data) {
        if (parts < 1 || parts > MAX_SPLIT_PARTS || index >= parts) {
            resetSplit();
            return null;
        }
        if (index == 0) {
            resetSplit();
            splitId = originalId;
            splitParts = parts;
        } else if (originalId != splitId || parts != splitParts || index != splitNext) {
            resetSplit();
            return null;
        }
        splitData.writeBytes(data);
        splitNext = index + 1;
        if (splitNext == splitParts) {
            byte[] whole = splitData.toByteArray();
            resetSplit();
            return whole;
        }
        return null;
    }

    /** Any non-split message interrupts a split sequence. */
    void resetSplit() {
        splitData.reset();
        splitId = -1;
        splitParts = 0;
        splitNext = 0;
    }

    int pending() {
        return queue.size();
    }

    void reset() {
        queue.clear();
        nextCounter = 0;
        lastRxId = -1;
        lastRxCounter = -1;
        resetSplit();
    }
}
