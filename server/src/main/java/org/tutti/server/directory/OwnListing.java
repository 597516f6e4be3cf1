package org.tutti.server.directory;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.ServerListEntry;
import org.tutti.protocol.ServerRegistration;

/**
 * Finds this server's own entry in a directory's server list, to learn the address the directory sees it at. The
 * entry is recognised by what the server registered (name, city, country, size); a listed address that is this
 * server's own LAN address, or any private one, says nothing about the outside and is not an answer.
 */
final class OwnListing {
    private OwnListing() {
    }

    /**
     * True when the list shows this server at its own internal address and port: what a Jamulus directory answers
     * a request from the server's own public IP (doc §7.3), so asking again would never tell more.
     */
    static boolean showsInternalAddress(List<ServerListEntry> servers, ServerRegistration registered,
                                        String internalAddress) {
        return servers.stream().skip(1).anyMatch(e -> e.name().equals(registered.name())
                && e.city().equals(registered.city()) && e.country() == registered.country()
                && e.port() == registered.port() && e.ipv4() != 0 && Ipv4.toText(e.ipv4()).equals(internalAddress));
    }

    /**
     * @param servers         the list as received (entry 0 is the directory itself)
     * @param registered      what this server registered
     * @param internalAddress the internal address it registered, dotted text
     * @return the public address and port the directory lists for this server, if it lists one
     */
    static Optional<InetSocketAddress> find(List<ServerListEntry> servers, ServerRegistration registered,
                                            String internalAddress) {
        InetSocketAddress samePort = null;
        InetSocketAddress otherPort = null;
        for (ServerListEntry e : servers.subList(Math.min(1, servers.size()), servers.size())) {
            if (!e.name().equals(registered.name()) || !e.city().equals(registered.city())
                    || e.country() != registered.country() || e.maxClients() != registered.maxClients()
                    || e.ipv4() == 0 || Ipv4.toText(e.ipv4()).equals(internalAddress)) {
                continue;
            }
            Inet4Address ip = Ipv4.toAddress(e.ipv4());
            if (NetworkAddresses.isPrivate(ip)) {
                continue;
            }
            InetSocketAddress address = new InetSocketAddress(ip, e.port());
            if (e.port() == registered.port()) {
                if (samePort != null && !samePort.equals(address)) {
                    return Optional.empty(); // two servers alike in every field: no way to tell which is us
                }
                samePort = address;
            } else {
                otherPort = otherPort == null ? address : otherPort; // a NAT that rewrote the source port
            }
        }
        return Optional.ofNullable(samePort != null ? samePort : otherPort);
    }
}
