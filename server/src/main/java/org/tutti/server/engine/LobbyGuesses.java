package org.tutti.server.engine;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Wrong password guesses per IP address: {@link #WRONG_PER_MINUTE} in a minute locks the address out of the lobby
 * for {@link #LOCKOUT_NANOS}. Per address, not per connection: a guesser gets nothing from opening new ports. The
 * table is bounded (a guesser needs a channel per connection, so it holds few addresses in practice); when full,
 * entries that no longer count are forgotten first. Engine thread only; used on the chat path, never for audio.
 */
final class LobbyGuesses {
    static final int WRONG_PER_MINUTE = 5;
    static final long WINDOW_NANOS = 60_000_000_000L;
    static final long LOCKOUT_NANOS = 10 * 60_000_000_000L;
    static final int MAX_ADDRESSES = 4096;

    private static final class Entry {
        long windowStartNs;
        int wrong;
        long lockedUntilNs;
        boolean locked;
    }

    private final Map<InetAddress, Entry> entries = new HashMap<>();

    /** True while {@code address} is locked out of the lobby. */
    boolean lockedOut(InetAddress address, long nowNs) {
        Entry e = entries.get(address);
        if (e == null || !e.locked) {
            return false;
        }
        if (e.lockedUntilNs - nowNs > 0) {
            return true;
        }
        entries.remove(address); // the lockout ended: a fresh start
        return false;
    }

    /** Counts a wrong guess from {@code address}; true when this one locks the address out. */
    boolean wrong(InetAddress address, long nowNs) {
        Entry e = entries.get(address);
        if (e == null) {
            if (entries.size() >= MAX_ADDRESSES) {
                forgetStale(nowNs);
            }
            e = new Entry();
            e.windowStartNs = nowNs;
            entries.put(address, e);
        } else if (nowNs - e.windowStartNs >= WINDOW_NANOS) {
            e.windowStartNs = nowNs;
            e.wrong = 0;
        }
        e.wrong++;
        if (e.wrong >= WRONG_PER_MINUTE) {
            e.locked = true;
            e.lockedUntilNs = nowNs + LOCKOUT_NANOS;
            return true;
        }
        return false;
    }

    /** Wrong guesses {@code address} has left in its current minute. */
    int left(InetAddress address) {
        Entry e = entries.get(address);
        return e == null ? WRONG_PER_MINUTE : Math.max(0, WRONG_PER_MINUTE - e.wrong);
    }

    int size() {
        return entries.size();
    }

    private void forgetStale(long nowNs) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            boolean stale = e.locked ? e.lockedUntilNs - nowNs <= 0 : nowNs - e.windowStartNs >= WINDOW_NANOS;
            if (stale) {
                it.remove();
            }
        }
        if (entries.size() >= MAX_ADDRESSES) {
            // Still full of live entries: drop one that is only counting, never a lockout.
            entries.values().removeIf(e -> !e.locked);
        }
    }
}
