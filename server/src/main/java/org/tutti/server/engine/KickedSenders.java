package org.tutti.server.engine;

import org.tutti.net.BatchUdpSocket;
import org.tutti.net.UdpEndpoint;

/**
 * The senders (address and port) kicked in the last minute, whose datagrams are ignored: a Jamulus 3.9.1 client
 * told CLM_DISCONNECTION only reports itself disconnected and keeps streaming, which would open a new channel at
 * once. A fixed array, asked only for strangers and allocation-free; when full, the entry that ends first makes
 * room. Engine thread only.
 */
final class KickedSenders {
    /** How long a kicked sender is ignored. */
    static final long HOLD_NANOS = 60_000_000_000L;

    private final UdpEndpoint[] endpoints;
    private final long[] keys;
    private final long[] untilNs;
    private int count;

    KickedSenders(int capacity) {
        endpoints = new UdpEndpoint[capacity];
        keys = new long[capacity];
        untilNs = new long[capacity];
    }

    /** Ignores {@code sender} until {@code nowNs + HOLD_NANOS}. */
    void add(UdpEndpoint sender, long nowNs) {
        long until = nowNs + HOLD_NANOS;
        for (int i = 0; i < count; i++) {
            if (endpoints[i].equals(sender)) {
                untilNs[i] = until;
                return;
            }
        }
        int at;
        if (count < endpoints.length) {
            at = count++;
        } else {
            at = 0;
            for (int i = 1; i < count; i++) {
                if (untilNs[i] - untilNs[at] < 0) {
                    at = i;
                }
            }
        }
        endpoints[at] = sender;
        keys[at] = sender.key();
        untilNs[at] = until;
    }

    /** True when datagram {@code i} of the socket's last batch comes from a sender kicked less than a minute ago. */
    boolean contains(BatchUdpSocket socket, int i, long nowNs) {
        if (count == 0) {
            return false;
        }
        long key = socket.senderKey(i);
        for (int k = 0; k < count; k++) {
            if (keys[k] == key && (key >= 0 || socket.senderIs(i, endpoints[k]))) {
                if (untilNs[k] - nowNs > 0) {
                    return true;
                }
                removeAt(k); // expired: forget it
                return false;
            }
        }
        return false;
    }

    /** True when {@code sender} is held at {@code nowNs} (for tests and callers that have the endpoint). */
    boolean contains(UdpEndpoint sender, long nowNs) {
        for (int k = 0; k < count; k++) {
            if (endpoints[k].equals(sender)) {
                return untilNs[k] - nowNs > 0;
            }
        }
        return false;
    }

    int size() {
        return count;
    }

    private void removeAt(int k) {
        count--;
        endpoints[k] = endpoints[count];
        keys[k] = keys[count];
        untilNs[k] = untilNs[count];
        endpoints[count] = null;
    }
}
