package org.tutti.server.directory;

/**
 * The public genre directories (protocol doc §7.1): the current {@code *.jamulus.app} names and the
 * {@code *.jamulus.io} names built into Jamulus 3.9.1. Any Genre 3 was renamed Any Genre Asia.
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

    /** The genre directory with this host name (current or legacy, any case), or null. */
    public static KnownDirectory byHost(String hostName) {
        for (KnownDirectory d : values()) {
            if (d.host.equalsIgnoreCase(hostName) || d.legacyHost.equalsIgnoreCase(hostName)) {
                return d;
            }
        }
        return null;
    }
}
