package org.tutti.net;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.SplitPart;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.MessageId;

/**
 * The reliable side of one Jamulus connection (protocol doc §2.3–2.5): a stop-and-wait send queue with u8
 * counters and a 400 ms resend, ACKs for everything received, duplicate suppression, and splitting of large
 * messages once split support is negotiated.
 *
 * <p>Not thread-safe by design: one engine thread owns it and passes the time into every call (any monotonic
 * nanosecond clock, e.g. {@code System.nanoTime()}; tests pass a fake one). Datagrams leave through the
 * {@link DatagramSink}; decoded messages arrive at the {@link Listener}.
 *
 * <p>Split negotiation is the engine's job, as in Jamulus: a client that receives {@code ReqSplitMessSupport}
 * sends {@code SplitMessSupported} and calls {@link #splitSupported(boolean) splitSupported(true)}; a server calls
 * it when it receives {@code SplitMessSupported}. The decision to split is taken when a message is queued.
 *
 * <p>Duplicates: like Jamulus, a repeat of the last received (id, counter) is ACKed again but not delivered. In
 * addition, a (id, counter) pair seen within the last {@link #DUPLICATE_WINDOW_NANOS} is treated the same, so a
 * retransmission delayed behind newer messages is not delivered twice (Jamulus would evaluate it again).
 *
 * <p>Bounded, unlike Jamulus's queue: a peer that stops ACKing (or asks for client lists and never ACKs them) must not
 * grow it for ever. A queued client list that has not gone on the wire yet is replaced by a newer one (a list is
 * a snapshot: only the latest matters), and beyond {@link #MAX_PENDING} entries new messages are dropped and
 * counted. Counters are given when a message first goes on the wire, so they stay consecutive.
 */
public final class ReliableChannel {
    /** Resend interval of the unacknowledged head message ({@code SEND_MESS_TIMEOUT_MS}). */
    public static final long RESEND_INTERVAL_NANOS = 400_000_000L;
    /** Bodies longer than this are split once split support is on ({@code MESS_SPLIT_PART_SIZE_BYTES}). */
    public static final int SPLIT_PART_BYTES = 550;
    /** Most parts a split message may have ({@code MAX_NUM_MESS_SPLIT_PARTS}). */
    public static final int MAX_SPLIT_PARTS = 36;
    /** How long a received (id, counter) pair counts as "already seen". */
    public static final long DUPLICATE_WINDOW_NANOS = 2_000_000_000L;
    /**
     * Most entries (messages or split parts) waiting for their ACK. Stop-and-wait moves one per round trip, so this is
     * minutes of backlog: only a peer that does not ACK at all gets there.
     */
    public static final int MAX_PENDING = 1024;

    /** Receives the messages of a connection, in order, each once. Split messages arrive joined. */
    public interface Listener {
        /** A message arrived (including {@code Unknown} and {@code Obsolete} ones, which were ACKed). */
        void onMessage(ConnectedMessage message);

        /** A message arrived whose body is malformed; it was ACKed and dropped. */
        default void onMalformed(MalformedMessageException problem) {
        }
    }

    /** One queued entry; {@code message} numbers the send() call, so the split parts of one message share it. */
    private static final class Pending {
        final int id;
        final int originalId;
        final long message;
        final byte[] body;
        int counter = -1;
        byte[] frame;

        Pending(int id, int originalId, long message, byte[] body) {
            this.id = id;
            this.originalId = originalId;
            this.message = message;
            this.body = body;
        }
    }

    private final DatagramSink sink;
    private final Listener listener;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final byte[] ackFrame = new byte[Frame.OVERHEAD_BYTES + 2];
    private final byte[] ackBody = new byte[2];
    private final int[] recentId = new int[256];
    private final long[] recentAtNanos = new long[256];
    private final SplitReassembler reassembler = new SplitReassembler();
    private int nextCounter;
    private long messagesQueued;
    private long overflows;
    private long superseded;
    private long resendAtNanos;
    private int lastId;
    private int lastCounter;
    private boolean splitSupported;
    private long resends;
    private long duplicates;
    private long malformed;
    private long ignoredFrames;

    public ReliableChannel(DatagramSink sink, Listener listener) {
        this.sink = sink;
        this.listener = listener;
        reset();
    }

    /** Turns splitting of bodies over 550 bytes on or off for messages queued from now on. */
    public void splitSupported(boolean supported) {
        splitSupported = supported;
    }

    /** Whether large messages queued now will be split. */
    public boolean splitSupported() {
        return splitSupported;
    }

    /**
     * Queues a message. It goes on the wire at once if nothing is waiting for an ACK; otherwise after the messages
     * before it are ACKed. Bodies over 550 bytes become up to 36 split parts when split support is on.
     *
     * @return false when it was dropped (and counted in {@link #overflows}) because {@link #MAX_PENDING} entries wait
     * @throws IllegalArgumentException for an {@code Ack} (the channel sends those itself), a
     *                                  {@code SplitPart} (it makes those itself) or a message too big to send
     */
    public boolean send(ConnectedMessage message, long nowNanos) {
        if (message instanceof ConnectedMessage.Ack || message instanceof SplitPart) {
            throw new IllegalArgumentException("the channel sends ACKs and split parts itself: " + message);
        }
        byte[] body = MessageCodec.encodeBody(message);
        int parts = splitSupported && body.length > SPLIT_PART_BYTES
                ? (body.length + SPLIT_PART_BYTES - 1) / SPLIT_PART_BYTES : 1;
        if (parts > MAX_SPLIT_PARTS) {
            throw new IllegalArgumentException("message body too big to split: " + body.length + " bytes");
        }
        if (message instanceof ConnectedMessage.ConnClientsList) {
            dropUnsent(MessageId.CONN_CLIENTS_LIST);
        }
        if (queue.size() + parts > MAX_PENDING) {
            overflows++;
            return false;
        }
        long number = messagesQueued++;
        boolean wasEmpty = queue.isEmpty();
        if (parts > 1) {
            for (int i = 0; i < parts; i++) {
                int from = i * SPLIT_PART_BYTES;
                byte[] data = Arrays.copyOfRange(body, from, Math.min(body.length, from + SPLIT_PART_BYTES));
                queue.addLast(new Pending(MessageId.SPECIAL_SPLIT_MESSAGE, message.id(), number,
                        MessageCodec.encodeBody(new SplitPart(message.id(), parts, i, data))));
            }
        } else {
            queue.addLast(new Pending(message.id(), message.id(), number, body));
        }
        if (wasEmpty) {
            transmitHead(nowNanos);
        }
        return true;
    }

    /** Removes the queued messages with {@code originalId} none of whose parts has gone on the wire yet. */
    private void dropUnsent(int originalId) {
        Pending head = queue.peekFirst();
        long started = head != null && head.frame != null ? head.message : -1; // only the head can have started
        for (var it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.originalId == originalId && p.message != started) {
                it.remove();
                superseded++;
            }
        }
    }

    private void transmitHead(long nowNanos) {
        Pending head = queue.peekFirst();
        if (head != null) {
            if (head.frame == null) {
                head.counter = nextCounter;
                nextCounter = (nextCounter + 1) & 0xFF;
                head.frame = Frame.build(head.id, head.counter, head.body);
            }
            sink.send(head.frame, 0, head.frame.length);
            resendAtNanos = nowNanos + RESEND_INTERVAL_NANOS;
        }
    }

    /** Re-sends the head message if its ACK is overdue. Call at least every few tens of milliseconds. */
    public void poll(long nowNanos) {
        if (!queue.isEmpty() && nowNanos - resendAtNanos >= 0) {
            resends++;
            transmitHead(nowNanos);
        }
    }

    /** When {@link #poll} next has work to do, or {@link Long#MAX_VALUE} when nothing awaits an ACK. */
    public long nextResendNanos() {
        return queue.isEmpty() ? Long.MAX_VALUE : resendAtNanos;
    }

    /**
     * Handles a received datagram that {@link org.tutti.protocol.DatagramKind#classify} called CONNECTED (anything
     * else is counted in {@link #ignoredFrames()} and dropped). ACKs advance the send queue; every other message is
     * ACKed at once and, unless it is a duplicate or an incomplete split part, decoded and delivered.
     */
    public void onReceive(byte[] buf, int off, int len, long nowNanos) {
        if (!Frame.isValid(buf, off, len) || MessageId.isConnectionless(Frame.id(buf, off))) {
            ignoredFrames++;
            return;
        }
        int id = Frame.id(buf, off);
        int counter = Frame.counter(buf, off);
        int bodyOff = Frame.bodyOffset(off);
        int bodyLen = Frame.bodyLength(buf, off);
        if (id == MessageId.ACKN) {
            onAck(counter, buf, bodyOff, bodyLen, nowNanos);
            return;
        }
        sendAck(id, counter);
        if (isDuplicate(id, counter, nowNanos)) {
            duplicates++;
            return;
        }
        lastId = id;
        lastCounter = counter;
        recentId[counter] = id;
        recentAtNanos[counter] = nowNanos;
        if (id == MessageId.SPECIAL_SPLIT_MESSAGE) {
            onSplitPart(buf, bodyOff, bodyLen);
        } else {
            reassembler.reset();
            deliver(id, buf, bodyOff, bodyLen);
        }
    }

    private void onAck(int counter, byte[] buf, int bodyOff, int bodyLen, long nowNanos) {
        if (bodyLen != 2) {
            return;
        }
        int ackedId = (buf[bodyOff] & 0xFF) | (buf[bodyOff + 1] & 0xFF) << 8;
        Pending head = queue.peekFirst();
        if (head != null && head.frame != null && head.counter == counter && head.id == ackedId) {
            queue.removeFirst();
            transmitHead(nowNanos);
        }
    }

    private boolean isDuplicate(int id, int counter, long nowNanos) {
        if (id == lastId && counter == lastCounter) {
            recentAtNanos[counter] = nowNanos;
            return true;
        }
        if (recentId[counter] == id && nowNanos - recentAtNanos[counter] < DUPLICATE_WINDOW_NANOS) {
            recentAtNanos[counter] = nowNanos;
            return true;
        }
        return false;
    }

    private void onSplitPart(byte[] buf, int bodyOff, int bodyLen) {
        SplitPart part;
        try {
            part = (SplitPart) MessageCodec.decode(MessageId.SPECIAL_SPLIT_MESSAGE, buf, bodyOff, bodyLen);
        } catch (MalformedMessageException e) {
            reportMalformed(e);
            return;
        }
        if (reassembler.add(part)) {
            int originalId = part.originalId();
            if (originalId == MessageId.ACKN || originalId == MessageId.SPECIAL_SPLIT_MESSAGE
                    || MessageId.isConnectionless(originalId)) {
                reportMalformed(new MalformedMessageException(originalId, "split container wraps a non-splittable ID"));
            } else {
                deliver(originalId, reassembler.data(), 0, reassembler.length());
            }
            reassembler.consumed();
        }
    }

    private void deliver(int id, byte[] buf, int off, int len) {
        Message message;
        try {
            message = MessageCodec.decode(id, buf, off, len);
        } catch (MalformedMessageException e) {
            reportMalformed(e);
            return;
        }
        listener.onMessage((ConnectedMessage) message);
    }

    private void reportMalformed(MalformedMessageException e) {
        malformed++;
        listener.onMalformed(e);
    }

    private void sendAck(int id, int counter) {
        ackBody[0] = (byte) id;
        ackBody[1] = (byte) (id >>> 8);
        int len = Frame.write(MessageId.ACKN, counter, ackBody, 0, 2, ackFrame, 0);
        sink.send(ackFrame, 0, len);
    }

    /**
     * Forgets everything: queued messages, counters (next send uses 0), duplicate history, partial split messages
     * and split support. Call when the connection ends.
     */
    public void reset() {
        queue.clear();
        nextCounter = 0;
        lastId = MessageId.ILLEGAL;
        lastCounter = 0;
        Arrays.fill(recentId, -1);
        reassembler.reset();
        splitSupported = false;
    }

    /** Messages (or split parts) queued and not yet ACKed, including the one on the wire. */
    public int pendingCount() {
        return queue.size();
    }

    /** Messages not queued because {@link #MAX_PENDING} entries were already waiting (a peer that does not ACK). */
    public long overflows() {
        return overflows;
    }

    /** Queued client lists (counted per entry) replaced by a newer list before they went on the wire. */
    public long superseded() {
        return superseded;
    }

    /** Times the head message was re-sent because its ACK was overdue. */
    public long resends() {
        return resends;
    }

    /** Received messages that were ACKed again but not delivered because they were duplicates. */
    public long duplicates() {
        return duplicates;
    }

    /** Received messages whose body was malformed (ACKed, not delivered). */
    public long malformed() {
        return malformed;
    }

    /** Datagrams passed to {@link #onReceive} that were not valid connected frames. */
    public long ignoredFrames() {
        return ignoredFrames;
    }
}
