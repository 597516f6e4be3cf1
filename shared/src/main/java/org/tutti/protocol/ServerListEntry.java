package org.tutti.protocol;

/**
 * One server in CLM_SERVER_LIST (ID 1006, protocol doc §3.7). Entry 0 is the directory itself with address 0 and
 * port 0; receivers substitute the address the list came from.
 *
 * @param ipv4            the server's IPv4 address as a 32-bit value (see {@link Ipv4})
 * @param port            UDP port (u16)
 * @param country         Qt 5 country code (u16)
 * @param maxClients      channel limit (u8)
 * @param permanent       "permanent online" flag
 * @param name            server name (≤ 20)
 * @param internalAddress always "" in lists Jamulus sends (≤ 15)
 * @param city            city (≤ 20)
 */
public record ServerListEntry(int ipv4, int port, int country, int maxClients, boolean permanent, String name,
                              String internalAddress, String city) {
    public ServerListEntry {
        Fields.u16(port, "port");
        Fields.u16(country, "country");
        Fields.u8(maxClients, "maxClients");
        StringLimits.require(name, StringLimits.SERVER_NAME, "server name");
        StringLimits.require(internalAddress, StringLimits.INTERNAL_ADDRESS, "internal address");
        StringLimits.require(city, StringLimits.CITY, "city");
    }
}
