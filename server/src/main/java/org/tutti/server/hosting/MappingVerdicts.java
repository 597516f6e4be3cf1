package org.tutti.server.hosting;

import java.net.InetAddress;
import org.tutti.server.hosting.PortMappingStatus.State;

/**
 * Turns what a gateway said into a {@link PortMappingStatus} with a reason a person understands. Pure: the facts
 * come in, the words go out, so every case is tested without a router.
 */
final class MappingVerdicts {
    private MappingVerdicts() {
    }

    /** A mapping was made; it may still be useless (a second NAT) or on another external port (a conflict). */
    static PortMappingStatus mapped(String protocol, InetAddress gateway, int internalPort, int externalPort,
                                    InetAddress externalAddress) {
        AddressScope scope = AddressScope.of(externalAddress);
        if (externalAddress != null && scope.behindAnotherNat()) {
            return new PortMappingStatus(State.BEHIND_SECOND_NAT, protocol, gateway, externalAddress, internalPort, 0,
                    secondNat(externalAddress, scope));
        }
        String remark = externalPort == internalPort ? ""
                : "port " + internalPort + " is already mapped to another computer, so the router gave external port "
                + externalPort + ": friends must connect to that port";
        return new PortMappingStatus(State.MAPPED, protocol, gateway, externalAddress, internalPort, externalPort,
                remark);
    }

    /**
     * The gateway answered but made no mapping. {@code routerAddress} is what it reports as its own external address
     * when asked afterwards (null when it reports none); {@code routerAddressKnown} says whether it could be asked.
     */
    static PortMappingStatus refused(String protocol, InetAddress gateway, int internalPort, String detail,
                                     boolean routerAddressKnown, InetAddress routerAddress) {
        if (routerAddressKnown && (routerAddress == null || AddressScope.of(routerAddress).behindAnotherNat())) {
            return new PortMappingStatus(State.BEHIND_SECOND_NAT, protocol, gateway, routerAddress, internalPort, 0,
                    routerAddress == null ? noPublicAddress()
                            : secondNat(routerAddress, AddressScope.of(routerAddress)));
        }
        return new PortMappingStatus(State.REFUSED, protocol, gateway, routerAddress, internalPort, 0,
                "the router refused: " + (detail == null || detail.isBlank() ? "no reason given" : detail));
    }

    /** A NAT-PMP answer to the public address request that already rules out a mapping, or null if it does not. */
    static PortMappingStatus fromNatPmpAnswer(InetAddress gateway, int internalPort, NatPmpAnswer answer) {
        if (answer.noPublicAddress()) {
            return answer.publicAddress() == null
                    ? new PortMappingStatus(State.BEHIND_SECOND_NAT, "NAT-PMP", gateway, null, internalPort, 0,
                    noPublicAddress())
                    : new PortMappingStatus(State.BEHIND_SECOND_NAT, "NAT-PMP", gateway, answer.publicAddress(),
                    internalPort, 0, secondNat(answer.publicAddress(), AddressScope.of(answer.publicAddress())));
        }
        if (answer.resultCode() != NatPmpAnswer.SUCCESS && answer.resultCode() != NatPmpAnswer.UNSUPPORTED_VERSION) {
            return refused("NAT-PMP", gateway, internalPort, answer.meaning(), false, null);
        }
        return null;
    }

    /**
     * The server's socket is bound to {@code bound} ({@code --serverbindip}), but the router forwards to the address
     * it sees this computer at, {@code target}: packets would arrive where nobody listens.
     */
    static PortMappingStatus boundElsewhere(String protocol, InetAddress gateway, int internalPort, InetAddress bound,
                                            InetAddress target) {
        return new PortMappingStatus(State.BOUND_ELSEWHERE, protocol, gateway, null, internalPort, 0,
                "the server listens only on " + bound.getHostAddress() + " (--serverbindip), but the router forwards"
                        + " to this computer's address " + target.getHostAddress() + ": bind the server to "
                        + target.getHostAddress() + " or leave --serverbindip out");
    }

    private static String noPublicAddress() {
        return "the router has no public address of its own (it says it is not connected), so another NAT sits in"
                + " front of it, usually the internet provider's (CGNAT). " + PortMappingStatus.INSTEAD;
    }

    private static String secondNat(InetAddress address, AddressScope scope) {
        String kind = scope == AddressScope.CARRIER_GRADE_NAT
                ? "is in 100.64.0.0/10, the internet provider's carrier-grade NAT (CGNAT)"
                : scope == AddressScope.PRIVATE ? "is a private address (RFC 1918): another router sits in front of"
                + " this one" : "is not an internet address";
        return "the router's external address " + address.getHostAddress() + " " + kind + ". "
                + PortMappingStatus.INSTEAD;
    }
}
