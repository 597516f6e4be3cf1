package org.tutti.protocol;

/**
 * The registration a server sends to a directory: the body of CLM_REGISTER_SERVER (1004), and the first part of
 * CLM_REGISTER_SERVER_EX (1017), which adds OS and version (protocol doc §3.6).
 *
 * @param port            the server's own UDP port (u16)
 * @param country         Qt 5 country code (u16)
 * @param maxClients      the server's channel limit (u8)
 * @param permanent       the "permanent online" flag (0/1 on the wire)
 * @param name            server name, at most {@link StringLimits#SERVER_NAME} UTF-16 units
 * @param internalAddress the server's LAN IPv4 address as dotted text (≤ 15), or "" for "localhost"
 * @param city            city, at most {@link StringLimits#CITY} UTF-16 units
 */
public record ServerRegistration(int port, int country, int maxClients, boolean permanent, String name,
                                 String internalAddress, String city) {
    public ServerRegistration {
        Fields.u16(port, "port");
        Fields.u16(country, "country");
        Fields.u8(maxClients, "maxClients");
        StringLimits.require(name, StringLimits.SERVER_NAME, "server name");
        StringLimits.require(internalAddress, StringLimits.INTERNAL_ADDRESS, "internal address");
        StringLimits.require(city, StringLimits.CITY, "city");
    }

    /** A registration with name and city cut to their limits. */
    public static ServerRegistration truncating(int port, int country, int maxClients, boolean permanent,
                                                String name, String internalAddress, String city) {
        return new ServerRegistration(port, country, maxClients, permanent,
                StringLimits.truncate(name, StringLimits.SERVER_NAME), internalAddress,
                StringLimits.truncate(city, StringLimits.CITY));
    }
}
