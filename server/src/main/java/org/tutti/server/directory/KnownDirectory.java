package org.tutti.server.directory;

/**
 * The public genre directories (protocol doc §7.1): the current {@code *.jamulus.app} names and the
 * {@code *.jamulus.io} names built into Jamulus 3.9.1. Any Genre 3 was renamed Any Genre Asia. Jamulus 3.12.3+
 * ({@code src/global.h}) has the same hosts and ports in the same order; it stores the choice as an index, so its old
 * settings follow the new names by themselves. Tutti stores addresses, hence {@link #migrate(String)}.
 */
public enum KnownDirectory {
    ANY_GENRE_1("Any Genre 1", "anygenre1.jamulus.app", "anygenre1.jamulus.io", 22124),
    ANY_GENRE_2("Any Genre 2", "anygenre2.jamulus.app", "anygenre2.jamulus.io", 22224),
    ANY_GENRE_ASIA("Any Genre Asia", "asia.jamulus.app", "anygenre3.jamulus.io", 22624),
    ROCK("Genre Rock", "rock.jamulus.app", "rock.jamulus.io", 22424),
    JAZZ("Genre Jazz", "jazz.jamulus.app", "jazz.jamulus.io", 22324),
    CLASSICAL_FOLK("Genre Classical/Folk", "classical.jamulus.app", "classical.jamulus.io", 22524),
    CHORAL("Genre Choral/Barbershop", "choral.jamulus.app", "choral.jamulus.io", 22724);

    private final String label;
    private final String host;
    private final String legacyHost;
    private final int port;

    KnownDirectory(String label, String host, String legacyHost, int port) {
        this.label = label;
        this.host = host;
        this.legacyHost = legacyHost;
        this.port = port;
    }

    /** The name shown to users. */
    public String label() {
        return label;
    }

    /** The current address. */
    public DirectoryAddress address() {
        return new DirectoryAddress(host, port);
    }

    /** The address Jamulus 3.9.1 has built in. */
    public DirectoryAddress legacyAddress() {
        return new DirectoryAddress(legacyHost, port);
    }

    /** The default directory of Jamulus's client and JSON-RPC {@code getCurrentDirectory}. */
    public static final KnownDirectory DEFAULT = ANY_GENRE_1;

    /** The genre directory with this host name (current or legacy, any case), or null. */
    public static KnownDirectory byHost(String hostName) {
        for (KnownDirectory d : values()) {
            if (d.host.equalsIgnoreCase(hostName) || d.legacyHost.equalsIgnoreCase(hostName)) {
                return d;
            }
        }
        return null;
    }

    /**
     * {@code host[:port]} with a legacy {@code *.jamulus.io} host replaced by the current one, so that addresses saved
     * by older versions reach the directory that now answers. Without a port the directory's own port is added (the
     * old name meant that directory); a port given is kept. Any other text comes back unchanged.
     */
    public static String migrate(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon >= 0 && t.indexOf(':') == colon ? t.substring(0, colon) : t;
        for (KnownDirectory d : values()) {
            if (d.legacyHost.equalsIgnoreCase(host)) {
                try {
                    int port = host.equals(t) ? d.port : DirectoryAddress.parse(t).port();
                    return new DirectoryAddress(d.host, port).toString();
                } catch (IllegalArgumentException e) {
                    return text; // a bad port stays for the caller to report
                }
            }
        }
        return text;
    }
}
