package org.tutti.server.hosting;

import java.net.InetAddress;
import java.util.Locale;

/**
 * What port mapping achieved, for the log line, the server panel and JSON-RPC. Immutable; {@link PortMapper} replaces
 * it whenever something changes.
 *
 * @param state           where things stand
 * @param protocol        "UPnP", "NAT-PMP" or "PCP" when a gateway answered, else ""
 * @param gateway         the router's LAN address when one answered, else null
 * @param externalAddress the address the internet sees, when known, else null
 * @param internalPort    the server's UDP port
 * @param externalPort    the port friends connect to (may differ from {@code internalPort}), 0 when not mapped
 * @param reason          why it did not work, or a remark on a mapping that works; "" when there is nothing to add
 */
public record PortMappingStatus(State state, String protocol, InetAddress gateway, InetAddress externalAddress,
                                int internalPort, int externalPort, String reason) {
    /** Where port mapping stands. */
    public enum State {
        OFF, SEARCHING, MAPPED, NO_GATEWAY, REFUSED, BEHIND_SECOND_NAT, STOPPED,
        /** The server listens on another LAN address than the one the router would forward to: nothing mapped. */
        BOUND_ELSEWHERE;

        /** The lower-case name JSON-RPC shows ("behind_second_nat"). */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String NO_GATEWAY_REASON = "no UPnP/NAT-PMP gateway answered";
    static final String INSTEAD = "Port forwarding cannot reach this server: register it with a directory so friends"
            + " find it, or run it on a cloud host with a public address.";

    public PortMappingStatus {
        protocol = protocol == null ? "" : protocol;
        reason = reason == null ? "" : reason;
    }

    public static PortMappingStatus off(int internalPort) {
        return new PortMappingStatus(State.OFF, "", null, null, internalPort, 0, "port mapping is off");
    }

    public static PortMappingStatus searching(int internalPort) {
        return new PortMappingStatus(State.SEARCHING, "", null, null, internalPort, 0, "");
    }

    public static PortMappingStatus noGateway(int internalPort) {
        return new PortMappingStatus(State.NO_GATEWAY, "", null, null, internalPort, 0, NO_GATEWAY_REASON);
    }

    public boolean isMapped() {
        return state == State.MAPPED;
    }

    /** The external address as text, "" when unknown. */
    public String externalAddressText() {
        return externalAddress == null ? "" : externalAddress.getHostAddress();
    }

    /** One line for the log: what is mapped where, or why not. */
    public String describe() {
        String via = gateway == null ? "" : " on gateway " + gateway.getHostAddress() + " (" + protocol + ")";
        return switch (state) {
            case MAPPED -> "UDP " + internalPort + " mapped" + (externalPort != internalPort ? " to external port "
                    + externalPort : "") + via + (externalAddress == null ? "" : ", external address "
                    + externalAddress.getHostAddress()) + (reason.isEmpty() ? "" : "; " + reason);
            case OFF -> "off";
            case SEARCHING -> "looking for a UPnP/NAT-PMP gateway for UDP " + internalPort;
            case STOPPED -> "UDP " + internalPort + " no longer mapped" + via;
            default -> "UDP " + internalPort + " not mapped" + via + ": " + reason;
        };
    }
}
