package org.tutti.server.hosting;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The address friends connect to, and where it was learnt: the router (a port mapping with a public external address)
 * or the directory (this server's entry in its server list). The router wins: its mapping is what makes the port
 * reachable; the directory's view fills in when there is no mapping (no gateway, a refusal, CGNAT).
 *
 * @param address public IP and port
 * @param source  where it comes from
 */
public record SharedAddress(InetSocketAddress address, Source source) {
    /** Where the address was learnt. */
    public enum Source {
        ROUTER("from the router"), DIRECTORY("as the directory sees it");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /** "from the router" / "as the directory sees it", for the log. */
        public String words() {
            return words;
        }

        /** "router" / "directory", for JSON-RPC. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The address to share now, if any: the mapping's when it is made on a public address, else the directory's
     * view when that is a public address.
     */
    public static Optional<SharedAddress> choose(PortMappingStatus mapping, InetSocketAddress seenByDirectory) {
        if (mapping != null && mapping.isMapped() && mapping.externalAddress() != null
                && !AddressScope.of(mapping.externalAddress()).behindAnotherNat()) {
            return Optional.of(new SharedAddress(
                    new InetSocketAddress(mapping.externalAddress(), mapping.externalPort()), Source.ROUTER));
        }
        if (seenByDirectory != null && seenByDirectory.getAddress() != null
                && !AddressScope.of(seenByDirectory.getAddress()).behindAnotherNat()) {
            return Optional.of(new SharedAddress(seenByDirectory, Source.DIRECTORY));
        }
        return Optional.empty();
    }

    /** "203.0.113.7:22124". */
    public String text() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** "203.0.113.7:22124 (from the router)", for the log. */
    public String describe() {
        return text() + " (" + source.words() + ")";
    }
}
