package org.tutti.server.directory;

import java.net.InetSocketAddress;

/**
 * One registered server as the directory keeps it.
 *
 * @param source       the UDP source address of its registration: the entry's key (protocol doc §7.3)
 * @param internal     the address it reported: internal IP text (or 127.0.0.1 when empty) and its --port
 * @param info         name, city, country
 * @param maxClients   its channel limit
 * @param permanent    its "permanent online" flag
 * @param refreshedMs  when it last (re-)registered, on the directory's clock
 */
public record DirectoryEntry(InetSocketAddress source, InetSocketAddress internal, ServerInfo info, int maxClients,
                             boolean permanent, long refreshedMs) {
}
