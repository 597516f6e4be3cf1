package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.tutti.net.BatchUdpSocket;
import org.tutti.protocol.ClientListEntry;

/**
 * The server's slots and the list of connected ones, in channel order, with the table that finds a datagram's
 * channel by its sender's key. Owned by the engine thread: only it opens or closes slots (and then calls
 * {@link #rebuildActive}); the protocol handler and the audio tick read it on that thread.
 */
final class ChannelTable {
    private final ClientChannel[] slots;
    private final ClientChannel[] active;
    private final SenderTable senders;
    private int activeCount;

    ChannelTable(int maxChannels) {
        this.slots = new ClientChannel[maxChannels];
        this.active = new ClientChannel[maxChannels];
        this.senders = new SenderTable(maxChannels);
        for (int i = 0; i < maxChannels; i++) {
            slots[i] = new ClientChannel(i, maxChannels);
        }
    }

    /** Every slot, connected or not, by channel ID. */
    ClientChannel[] slots() {
        return slots;
    }

    /** The connected channels in ascending ID order; entries from {@link #activeCount()} on are stale. */
    ClientChannel[] active() {
        return active;
    }

    int activeCount() {
        return activeCount;
    }

    /** The slot with ID {@code id}, or null when there is no such slot (connected or not). */
    ClientChannel slot(int id) {
        return id >= 0 && id < slots.length ? slots[id] : null;
    }

    /** The connected channel with ID {@code id}, or null. */
    ClientChannel connected(int id) {
        ClientChannel c = slot(id);
        return c != null && c.connected ? c : null;
    }

    /** The free slot with the lowest ID (Jamulus gives a newcomer the lowest free channel), or null when full. */
    ClientChannel lowestFreeSlot() {
        for (ClientChannel c : slots) {
            if (!c.connected) {
                return c;
            }
        }
        return null;
    }

    /** The connected channel that sent datagram {@code i} of the socket's last batch, or null for a stranger. */
    ClientChannel sender(BatchUdpSocket socket, int i) {
        return senders.find(socket, i);
    }

    /**
     * The listed channels' IDs and profiles in ascending ID order (CONN_CLIENTS_LIST; the level list's order):
     * every connected channel except those waiting in the password lobby.
     */
    List<ClientListEntry> clientList() {
        List<ClientListEntry> list = new ArrayList<>();
        for (int i = 0; i < activeCount; i++) {
            if (!active[i].control.lobby) {
                list.add(new ClientListEntry(active[i].id, active[i].control.info));
            }
        }
        return list;
    }

    /** How many channels {@link #clientList()} lists (the musician count a ping answer carries). */
    int listedCount() {
        int n = 0;
        for (int i = 0; i < activeCount; i++) {
            if (!active[i].control.lobby) {
                n++;
            }
        }
        return n;
    }

    /** What a channel in the lobby is shown: itself alone, as on an empty server. */
    static List<ClientListEntry> lobbyView(ClientChannel c) {
        return List.of(new ClientListEntry(c.id, c.control.info));
    }

    /** Recomputes the connected list and the sender lookup after a slot opened or closed. */
    void rebuildActive() {
        activeCount = 0;
        for (ClientChannel c : slots) {
            if (c.connected) {
                active[activeCount++] = c;
            }
        }
        senders.rebuild(active, activeCount);
    }

    /** Forgets every connection (at shutdown, after the slots were closed). */
    void clear() {
        activeCount = 0;
    }
}
