package org.tutti.protocol;

/**
 * One server in CLM_RED_SERVER_LIST (ID 1018, protocol doc §3.7): address, port and a name with a u8 length.
 *
 * @param ipv4 IPv4 address as a 32-bit value (see {@link Ipv4})
 * @param port UDP port (u16)
 * @param name server name (≤ 20 UTF-16 units; its UTF-8 form must also fit the u8 length)
 */
public record ReducedServerListEntry(int ipv4, int port, String name) {
    public ReducedServerListEntry {
        Fields.u16(port, "port");
        StringLimits.require(name, StringLimits.SERVER_NAME, "server name");
    }
}
