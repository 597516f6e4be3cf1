package org.tutti.server.engine;

import java.util.Arrays;
import org.tutti.net.BatchUdpSocket;

/**
 * Finds the channel of a received datagram's sender by its compact key ({@link org.tutti.net.UdpEndpoint#key}):
 * open addressing with linear probing, rebuilt whenever a channel opens or closes, so the per-datagram lookup is a
 * hash and a compare, with no allocation (the JDK path compared {@code InetSocketAddress}es channel by channel).
 */
final class SenderTable {
    private final long[] keys;
    private final ClientChannel[] channels;
    private final int mask;

    SenderTable(int maxChannels) {
        int size = Integer.highestOneBit(Math.max(4, maxChannels) * 4 - 1) << 1; // load factor <= 1/2
        keys = new long[size];
        channels = new ClientChannel[size];
        mask = size - 1;
    }

    /** Replaces the table's content with the first {@code count} channels of {@code active}. */
    void rebuild(ClientChannel[] active, int count) {
        Arrays.fill(channels, null);
        for (int i = 0; i < count; i++) {
            ClientChannel c = active[i];
            long key = c.endpoint.key();
            int at = slot(key);
            while (channels[at] != null) {
                at = (at + 1) & mask;
            }
            keys[at] = key;
            channels[at] = c;
        }
    }

    /** The channel that sent datagram {@code i} of the socket's current batch, or null for a stranger. */
    ClientChannel find(BatchUdpSocket socket, int i) {
        long key = socket.senderKey(i);
        for (int at = slot(key); channels[at] != null; at = (at + 1) & mask) {
            // IPv6 keys are hashes: confirm the address itself.
            if (keys[at] == key && (key >= 0 || socket.senderIs(i, channels[at].endpoint))) {
                return channels[at];
            }
        }
        return null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
