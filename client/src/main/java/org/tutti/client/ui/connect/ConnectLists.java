package org.tutti.client.ui.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tutti.server.directory.DirectoryAddress;
import org.tutti.server.directory.KnownDirectory;

/**
 * The Connection Setup dialog's edits of the lists kept in the settings ({@code network.customDirectories},
 * {@code network.recentServers}); pure functions returning new lists, so the dialog only renders.
 */
final class ConnectLists {
    private ConnectLists() {
    }

    /** Why a custom directory was not added; {@link #key} names the message. */
    static final class Refused extends Exception {
        final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    /**
     * {@code custom} with {@code text} added at the end, trimmed as typed ({@code host[:port]}).
     *
     * @throws Refused when it is no address, is a built-in directory or is already listed
     */
    static List<String> addDirectory(List<String> custom, String text) throws Refused {
        String t = text == null ? "" : text.strip();
        DirectoryAddress parsed;
        try {
            parsed = DirectoryAddress.parse(t);
        } catch (IllegalArgumentException e) {
            throw new Refused("connect.directory.bad");
        }
        String key = key(parsed);
        String current = key(DirectoryAddress.parse(KnownDirectory.migrate(t))); // an old *.jamulus.io name
        for (KnownDirectory d : KnownDirectory.values()) {
            if (key(d.address()).equals(current)) {
                throw new Refused("connect.directory.builtIn");
            }
        }
        for (String c : custom) {
            if (c.strip().equalsIgnoreCase(t) || key(c).equals(key)) {
                throw new Refused("connect.directory.known");
            }
        }
        List<String> next = new ArrayList<>(custom);
        next.add(t);
        return next;
    }

    private static String key(DirectoryAddress a) {
        return a.host().toLowerCase(Locale.ROOT) + ":" + a.port();
    }

    private static String key(String text) {
        try {
            return key(DirectoryAddress.parse(text));
        } catch (IllegalArgumentException e) {
            return text; // a malformed entry from a hand-edited file only equals itself
        }
    }

    /** {@code list} without {@code item} (addresses compare ignoring case). */
    static List<String> without(List<String> list, String item) {
        List<String> next = new ArrayList<>(list);
        next.removeIf(s -> s.equalsIgnoreCase(item == null ? "" : item.strip()));
        return next;
    }
}
