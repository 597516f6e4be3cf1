package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.Ack;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.ClientId;
import org.tutti.protocol.ConnectedMessage.SplitPart;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.MessageId;

class ReliableChannelTest {
    private static final long MS = 1_000_000L;
    private final List<byte[]> wire = new ArrayList<>();
    private final List<ConnectedMessage> delivered = new ArrayList<>();
    private final List<MalformedMessageException> problems = new ArrayList<>();
    private final ReliableChannel channel = new ReliableChannel(
            (d, off, len) -> wire.add(Arrays.copyOfRange(d, off, off + len)),
            new ReliableChannel.Listener() {
                public void onMessage(ConnectedMessage m) {
                    delivered.add(m);
                }

                public void onMalformed(MalformedMessageException e) {
                    problems.add(e);
                }
            });

    @Test
    void stopAndWaitWithCountersAndResend() throws Exception {
        channel.send(new ClientId(3), 0);
        channel.send(new ChatText("hi"), 0);
        assertThat(wire).hasSize(1); // only the head is on the wire
        assertThat(Frame.counter(wire.get(0), 0)).isZero();

        channel.poll(399 * MS);
        assertThat(wire).hasSize(1);
        channel.poll(400 * MS);
        assertThat(wire).hasSize(2);
        assertThat(wire.get(1)).isEqualTo(wire.get(0));
        assertThat(channel.resends()).isEqualTo(1);

        receive(MessageCodec.encodeFrame(new Ack(MessageId.CLIENT_ID), 1), 450 * MS); // wrong counter: ignored
        receive(MessageCodec.encodeFrame(new Ack(MessageId.CHAT_TEXT), 0), 450 * MS); // wrong id: ignored
        assertThat(wire).hasSize(2);
        receive(MessageCodec.encodeFrame(new Ack(MessageId.CLIENT_ID), 0), 450 * MS);
        assertThat(wire).hasSize(3);
        assertThat(decode(wire.get(2))).isEqualTo(new ChatText("hi"));
        assertThat(Frame.counter(wire.get(2), 0)).isEqualTo(1);
        assertThat(channel.nextResendNanos()).isEqualTo(850 * MS);
        receive(MessageCodec.encodeFrame(new Ack(MessageId.CHAT_TEXT), 1), 500 * MS);
        assertThat(channel.pendingCount()).isZero();
        assertThat(channel.nextResendNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void countersWrapAt256() {
        for (int i = 0; i < 257; i++) {
            channel.send(new ClientId(1), 0);
            receive(MessageCodec.encodeFrame(new Ack(MessageId.CLIENT_ID), i & 0xFF), 0);
        }
        assertThat(wire.stream().filter(f -> Frame.id(f, 0) == MessageId.CLIENT_ID).map(f -> Frame.counter(f, 0)))
                .hasSize(257).startsWith(0, 1, 2).endsWith(254, 255, 0);
    }

    @Test
    void everythingReceivedIsAckedButDuplicatesAreDeliveredOnce() throws Exception {
        byte[] chat = MessageCodec.encodeFrame(new ChatText("hello"), 7);
        receive(chat, 0);
        receive(chat, 400 * MS);
        assertThat(delivered).containsExactly(new ChatText("hello"));
        assertThat(wire).hasSize(2).allSatisfy(f -> assertThat(f).isEqualTo(MessageCodec.encodeFrame(
                new Ack(MessageId.CHAT_TEXT), 7)));
        assertThat(channel.duplicates()).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedMessagesAreAckedToo() {
        byte[] unknown = Frame.build(77, 4, new byte[] {1, 2});
        byte[] badChat = Frame.build(MessageId.CHAT_TEXT, 5, new byte[] {9, 0, 'a'});
        receive(unknown, 0);
        receive(badChat, 0);
        assertThat(wire).containsExactly(MessageCodec.encodeFrame(new Ack(77), 4),
                MessageCodec.encodeFrame(new Ack(MessageId.CHAT_TEXT), 5));
        assertThat(delivered).containsExactly(new ConnectedMessage.Unknown(77, new byte[] {1, 2}));
        assertThat(problems).singleElement().extracting(MalformedMessageException::messageId)
                .isEqualTo(MessageId.CHAT_TEXT);
        assertThat(channel.malformed()).isEqualTo(1);
    }

    @Test
    void acksAreNeverAckedAndConnectionlessOrBrokenFramesAreIgnored() {
        receive(MessageCodec.encodeFrame(new Ack(MessageId.CLIENT_ID), 0), 0);
        receive(MessageCodec.encodeFrame(new org.tutti.protocol.ConnectionlessMessage.Disconnection(), 0), 0);
        byte[] broken = MessageCodec.encodeFrame(new ChatText("x"), 0);
        broken[8] ^= 1;
        receive(broken, 0);
        assertThat(wire).isEmpty();
        assertThat(delivered).isEmpty();
        assertThat(channel.ignoredFrames()).isEqualTo(2);
    }

    @Test
    void splitDecisionIsTakenAtEnqueueTime() throws Exception {
        String longText = "y".repeat(1300);
        channel.send(new ChatText(longText), 0); // not negotiated yet: one big frame
        channel.splitSupported(true);
        channel.send(new ChatText(longText), 0); // now: 3 parts
        assertThat(channel.pendingCount()).isEqualTo(4);
        List<Message> sent = new ArrayList<>();
        for (int counter = 0; counter < 4; counter++) {
            byte[] head = wire.getLast();
            sent.add(decode(head));
            receive(MessageCodec.encodeFrame(new Ack(Frame.id(head, 0)), counter), 0);
        }
        assertThat(sent.get(0)).isEqualTo(new ChatText(longText));
        assertThat(sent.subList(1, 4)).allSatisfy(m -> assertThat(m).isInstanceOfSatisfying(SplitPart.class,
                p -> assertThat(p.originalId()).isEqualTo(MessageId.CHAT_TEXT)));
        assertThat(sent.subList(1, 4)).extracting(m -> ((SplitPart) m).partIndex()).containsExactly(0, 1, 2);
        assertThat(((SplitPart) sent.get(1)).dataLength()).isEqualTo(ReliableChannel.SPLIT_PART_BYTES);
    }

    @Test
    void splitPartsAreJoinedAndAnInterruptionDiscardsThePartial() {
        byte[] body = MessageCodec.encodeBody(new ChatText("z".repeat(1200)));
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] data = Arrays.copyOfRange(body, i * 550, Math.min(body.length, (i + 1) * 550));
            parts.add(MessageCodec.encodeBody(new SplitPart(MessageId.CHAT_TEXT, 3, i, data)));
        }
        receive(Frame.build(MessageId.SPECIAL_SPLIT_MESSAGE, 0, parts.get(0)), 0);
        receive(MessageCodec.encodeFrame(new ClientId(1), 1), 0); // interrupts: partial dropped
        receive(Frame.build(MessageId.SPECIAL_SPLIT_MESSAGE, 2, parts.get(1)), 0);
        receive(Frame.build(MessageId.SPECIAL_SPLIT_MESSAGE, 3, parts.get(2)), 0);
        for (int i = 0; i < 3; i++) {
            receive(Frame.build(MessageId.SPECIAL_SPLIT_MESSAGE, 4 + i, parts.get(i)), 0);
        }
        assertThat(delivered).containsExactly(new ClientId(1), new ChatText("z".repeat(1200)));
        assertThat(wire).hasSize(7); // every part ACKed
    }

    @Test
    void resetStartsCountersAgainAndForgetsTheQueue() {
        channel.send(new ClientId(1), 0);
        channel.send(new ClientId(2), 0);
        channel.splitSupported(true);
        channel.reset();
        assertThat(channel.pendingCount()).isZero();
        assertThat(channel.splitSupported()).isFalse();
        channel.send(new ClientId(3), 0);
        assertThat(Frame.counter(wire.getLast(), 0)).isZero();
        byte[] chat = MessageCodec.encodeFrame(new ChatText("again"), 0);
        receive(chat, 0);
        channel.reset();
        receive(chat, 0); // same (id, counter) after reset is new
        assertThat(delivered).hasSize(2);
    }

    @Test
    void listenersMayReplyFromInsideTheCallback() throws Exception {
        ReliableChannel[] self = new ReliableChannel[1];
        self[0] = new ReliableChannel((d, off, len) -> wire.add(Arrays.copyOfRange(d, off, off + len)), m -> {
            if (m instanceof ConnectedMessage.ReqSplitMessSupport) {
                self[0].send(new ConnectedMessage.SplitMessSupported(), 0);
                self[0].splitSupported(true);
            }
        });
        byte[] req = MessageCodec.encodeFrame(new ConnectedMessage.ReqSplitMessSupport(), 2);
        self[0].onReceive(req, 0, req.length, 0);
        assertThat(wire).hasSize(2);
        assertThat(decode(wire.get(0))).isEqualTo(new Ack(MessageId.REQ_SPLIT_MESS_SUPPORT));
        assertThat(decode(wire.get(1))).isEqualTo(new ConnectedMessage.SplitMessSupported());
        assertThat(self[0].splitSupported()).isTrue();
    }

    @Test
    void aClientListWaitingInTheQueueIsReplacedByANewerOne() throws Exception {
        channel.send(new ClientId(3), 0); // on the wire, unACKed
        channel.send(list(1), 0);
        channel.send(new ChatText("between"), 0);
        channel.send(list(2), 0);
        channel.send(list(3), 0);
        assertThat(channel.pendingCount()).isEqualTo(3);
        assertThat(channel.superseded()).isEqualTo(2);

        List<Message> sent = ackAll(3);
        assertThat(sent).containsExactly(new ClientId(3), new ChatText("between"), list(3));
        assertThat(wire).extracting(f -> Frame.counter(f, 0)).as("counters stay consecutive").containsExactly(0, 1, 2);
    }

    @Test
    void aClientListAlreadyOnTheWireIsFinishedEvenWhenSplit() throws Exception {
        channel.splitSupported(true);
        channel.send(list(40), 0); // > 550 bytes: split, its first part goes out at once
        int parts = channel.pendingCount();
        assertThat(parts).isGreaterThan(1);
        channel.send(list(41), 0);
        channel.send(list(42), 0); // replaces 41, but not the parts of 40 that already started
        assertThat(channel.superseded()).isPositive();

        List<Message> joined = new ArrayList<>();
        ReliableChannel receiver = new ReliableChannel((d, off, len) -> { }, joined::add);
        while (channel.pendingCount() > 0) {
            byte[] head = wire.getLast();
            receiver.onReceive(head, 0, head.length, 0);
            receive(MessageCodec.encodeFrame(new Ack(Frame.id(head, 0)), Frame.counter(head, 0)), 0);
        }
        assertThat(joined).containsExactly(list(40), list(42));
    }

    @Test
    void aPeerThatNeverAcksCannotGrowTheQueueWithoutBound() {
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            refused += channel.send(new ChatText("flood " + i), 0) ? 0 : 1;
        }
        assertThat(refused).as("send() says which it dropped").isEqualTo(5000 - ReliableChannel.MAX_PENDING);
        assertThat(channel.pendingCount()).isEqualTo(ReliableChannel.MAX_PENDING);
        assertThat(channel.overflows()).isEqualTo(5000 - ReliableChannel.MAX_PENDING);
        assertThat(wire).hasSize(1);
    }

    /** A client list of {@code n} musicians (n ≥ 30 makes it longer than one split part). */
    private static ConnectedMessage.ConnClientsList list(int n) {
        List<org.tutti.protocol.ClientListEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new org.tutti.protocol.ClientListEntry(i,
                    new org.tutti.protocol.ChannelInfo(0, 0, 0, "musician " + i, "")));
        }
        return new ConnectedMessage.ConnClientsList(entries);
    }

    /** ACKs whatever is on the wire, {@code count} times; returns what went out, in order. */
    private List<Message> ackAll(int count) throws MalformedMessageException {
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] head = wire.getLast();
            sent.add(decode(head));
            receive(MessageCodec.encodeFrame(new Ack(Frame.id(head, 0)), Frame.counter(head, 0)), 0);
        }
        return sent;
    }

    @Test
    void refusesToQueueAcksAndSplitParts() {
        assertThatThrownBy(() -> channel.send(new Ack(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.send(new SplitPart(18, 1, 0, new byte[0]), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void receive(byte[] frame, long nowNanos) {
        channel.onReceive(frame, 0, frame.length, nowNanos);
    }

    private static Message decode(byte[] frame) throws MalformedMessageException {
        return MessageCodec.decodeFrame(frame, 0, frame.length);
    }
}
