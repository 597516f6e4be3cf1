package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.ChatText;

/**
 * Two reliable channels over a seeded link with 20 % loss, 10 % duplication and random delays up to 0.7 s (so
 * datagrams overtake each other and stale retransmissions arrive late), driven by a fake clock: every message,
 * including split ones, arrives exactly once and in order, in both directions.
 */
class ReliableChannelLossyLinkTest {
    private static final long MS = 1_000_000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 0xCAFEBABEL})
    void everyMessageArrivesOnceInOrderOverALossyLink(long seed) {
        LossyLink link = new LossyLink(seed, 0.20, 0.10, 700 * MS);
        List<ConnectedMessage> receivedBy0 = new ArrayList<>();
        List<ConnectedMessage> receivedBy1 = new ArrayList<>();
        ReliableChannel[] ends = {
                new ReliableChannel(link.sinkTo(1), receivedBy0::add),
                new ReliableChannel(link.sinkTo(0), receivedBy1::add)};
        ends[0].splitSupported(true);
        ends[1].splitSupported(true);

        Random content = new Random(seed);
        List<ConnectedMessage> sentBy0 = messages(content, 120);
        List<ConnectedMessage> sentBy1 = messages(content, 120);
        long now = 0;
        for (int i = 0; i < sentBy0.size(); i++) {
            ends[0].send(sentBy0.get(i), now);
            ends[1].send(sentBy1.get(i), now);
        }
        long giveUpAt = 3_600_000 * MS;
        while ((ends[0].pendingCount() > 0 || ends[1].pendingCount() > 0) && now < giveUpAt) {
            now += 5 * MS;
            for (Object[] d : link.advanceTo(now)) {
                byte[] bytes = (byte[]) d[1];
                ends[(int) d[0]].onReceive(bytes, 0, bytes.length, now);
            }
            ends[0].poll(now);
            ends[1].poll(now);
        }
        // let stragglers (late duplicates) arrive too
        for (long end = now + 2000 * MS; now < end; now += 5 * MS) {
            for (Object[] d : link.advanceTo(now)) {
                byte[] bytes = (byte[]) d[1];
                ends[(int) d[0]].onReceive(bytes, 0, bytes.length, now);
            }
        }

        assertThat(receivedBy1).containsExactlyElementsOf(afterSuperseding(sentBy0));
        assertThat(receivedBy0).containsExactlyElementsOf(afterSuperseding(sentBy1));
        assertThat(link.lost).as("the link really lost datagrams").isGreaterThan(link.sent / 10);
        assertThat(ends[0].resends() + ends[1].resends()).isPositive();
        assertThat(ends[0].duplicates() + ends[1].duplicates()).isPositive();
    }

    /**
     * What must arrive when everything was queued at once: a client list waiting in the queue is replaced by a newer
     * one, so of the lists only the first (on the wire at once) and the last survive.
     */
    private static List<ConnectedMessage> afterSuperseding(List<ConnectedMessage> sent) {
        int lastList = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) instanceof ConnectedMessage.ConnClientsList) {
                lastList = i;
            }
        }
        List<ConnectedMessage> expected = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!(sent.get(i) instanceof ConnectedMessage.ConnClientsList) || i == 0 || i == lastList) {
                expected.add(sent.get(i));
            }
        }
        return expected;
    }

    /** A mix of small messages, long chats (split into 2–4 parts) and a long client list. */
    private static List<ConnectedMessage> messages(Random random, int count) {
        List<ConnectedMessage> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0 -> list.add(new ConnectedMessage.ChannelGain(random.nextInt(150), random.nextInt(65536)));
                case 1 -> list.add(new ChatText("m" + i + " " + "x".repeat(random.nextInt(1790))));
                case 2 -> list.add(new ConnectedMessage.JitterBufferSize(1 + random.nextInt(21)));
                default -> {
                    List<ClientListEntry> clients = new ArrayList<>();
                    for (int c = 0; c < random.nextInt(40); c++) {
                        clients.add(new ClientListEntry(c, new ChannelInfo(82, c, 1, "Player " + c, "City " + i)));
                    }
                    list.add(new ConnectedMessage.ConnClientsList(clients));
                }
            }
        }
        return list;
    }
}
