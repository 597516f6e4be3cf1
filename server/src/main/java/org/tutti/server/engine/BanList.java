package org.tutti.server.engine;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The banned IP addresses with the end of each ban; expired bans are dropped when met. Engine thread only; asked
 * only for strangers (a new channel, a connection-less message), never on the audio path of a connected client.
 */
final class BanList {
    private final Map<InetAddress, Ban> bans = new LinkedHashMap<>();

    boolean isEmpty() {
        return bans.isEmpty();
    }

    /** True when {@code address} is banned at {@code now}; an expired ban is dropped. */
    boolean isBanned(InetAddress address, Instant now) {
        Ban ban = bans.get(address);
        if (ban == null) {
            return false;
        }
        if (ban.activeAt(now)) {
            return true;
        }
        bans.remove(address);
        return false;
    }

    /** Adds or replaces the ban of its address. */
    void add(Ban ban) {
        bans.put(ban.address(), ban);
    }

    /** False when {@code address} was not banned. */
    boolean remove(InetAddress address) {
        return bans.remove(address) != null;
    }

    /** The bans still holding at {@code now}, in the order they were made; expired ones are dropped. */
    List<Ban> current(Instant now) {
        bans.values().removeIf(b -> !b.activeAt(now));
        return List.copyOf(new ArrayList<>(bans.values()));
    }
}
