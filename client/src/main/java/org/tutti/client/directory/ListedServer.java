package org.tutti.client.directory;

import java.net.InetSocketAddress;
import java.util.List;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.OperatingSystem;

/**
 * One server of a directory's list as the connect dialog shows it; immutable.
 *
 * @param address    where to connect and ping (for the directory itself: the address the list came from)
 * @param name       server name
 * @param city       city ("" from the reduced list)
 * @param country    Qt 5 country code (0 from the reduced list)
 * @param maxClients channel limit (0 = unknown: reduced list)
 * @param permanent  "permanent online" flag
 * @param directory  true for entry 0, the directory itself
 * @param pingMs     last measured round trip, -1 until the first answer (servers are shown only once they answered)
 * @param minPingMs  lowest round trip seen (what Jamulus shows), -1 until the first answer
 * @param numClients musicians connected as reported by the last ping answer, -1 until then
 * @param musicians  the connected musicians from the last CLM_CONN_CLIENTS_LIST
 * @param version    the server's version text, "" until known
 * @param os         the server's OS, {@link OperatingSystem#UNKNOWN} until known
 */
public record ListedServer(InetSocketAddress address, String name, String city, int country, int maxClients,
                           boolean permanent, boolean directory, int pingMs, int minPingMs, int numClients,
                           List<ChannelInfo> musicians, String version, OperatingSystem os) {
    public ListedServer {
        musicians = List.copyOf(musicians);
    }

    /** True once the server answered a ping (Jamulus hides servers until then). */
    public boolean answered() {
        return pingMs >= 0;
    }

    /** "n/max", "n (full)" or just "n" when the maximum is unknown, like Jamulus's list; "" before the first ping. */
    public String occupancy() {
        if (numClients < 0) {
            return "";
        }
        if (maxClients == 0) {
            return Integer.toString(numClients);
        }
        return numClients >= maxClients ? numClients + " (full)" : numClients + "/" + maxClients;
    }
}
