package org.tutti.client.ui.connect;

import java.util.List;
import java.util.Locale;
import org.tutti.client.directory.ListedServer;
import org.tutti.client.ui.CountryNames;
import org.tutti.net.AddressText;
import org.tutti.protocol.ChannelInfo;

/**
 * One server in the Connection Setup list.
 *
 * @param pingMs        -1 until a ping answer came; {@code version} "" when unknown
 * @param musicianList  the connected musicians from the server's CLM_CONN_CLIENTS_LIST ("show all musicians")
 */
public record ServerRow(String address, String name, int pingMs, int musicians, int maxMusicians, String city,
                        int country, String version, List<ChannelInfo> musicianList) {
    public ServerRow {
        musicianList = List.copyOf(musicianList);
    }

    /** A row whose musicians are not known (yet). */
    public ServerRow(String address, String name, int pingMs, int musicians, int maxMusicians, String city,
                     int country, String version) {
        this(address, name, pingMs, musicians, maxMusicians, city, country, version, List.of());
    }

    /**
     * The row for a server measured by {@code org.tutti.client.directory.ServerListQuery}; Jamulus shows the lowest
     * ping seen. Servers that never answered have ping -1 and sort last.
     */
    public static ServerRow of(ListedServer s) {
        return new ServerRow(AddressText.format(s.address()), s.name(), s.minPingMs(), Math.max(0, s.numClients()),
                s.maxClients(), s.city(), s.country(), s.version(), s.musicians());
    }

    public String location() {
        String c = CountryNames.name(country);
        return city.isBlank() ? c : c.isBlank() ? city : city + ", " + c;
    }

    /**
     * Case-insensitive filter as Jamulus's: server name, city, country, or the name of a musician on it; a lone "#"
     * keeps only occupied servers.
     */
    public boolean matches(String filter) {
        String f = filter.strip();
        if (f.isEmpty()) {
            return true;
        }
        if (f.equals("#")) {
            return musicians > 0;
        }
        String needle = f.toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(needle)
                || city.toLowerCase(Locale.ROOT).contains(needle)
                || CountryNames.name(country).toLowerCase(Locale.ROOT).contains(needle)
                || musicianList.stream().anyMatch(m -> m.name().toLowerCase(Locale.ROOT).contains(needle));
    }
}
