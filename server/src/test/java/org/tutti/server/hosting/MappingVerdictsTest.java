package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.server.hosting.PortMappingStatus.State;

/** The reasons a person reads when port mapping works, half-works or cannot work. */
class MappingVerdictsTest {
    private static final InetAddress GATEWAY = InetAddress.ofLiteral("192.168.1.1");
    private static final InetAddress PUBLIC = InetAddress.ofLiteral("198.51.100.7");

    @Test
    void aMappingOnThePortAskedForSaysWhereFriendsConnect() {
        PortMappingStatus s = MappingVerdicts.mapped("UPnP", GATEWAY, 22124, 22124, PUBLIC);
        assertThat(s.state()).isEqualTo(State.MAPPED);
        assertThat(s.describe())
                .isEqualTo("UDP 22124 mapped on gateway 192.168.1.1 (UPnP), external address 198.51.100.7");
        assertThat(s.externalAddressText()).isEqualTo("198.51.100.7");
    }

    @Test
    void anotherExternalPortMeansTheRouterGaveOursToAnotherComputer() {
        PortMappingStatus s = MappingVerdicts.mapped("NAT-PMP", GATEWAY, 22124, 22125, PUBLIC);
        assertThat(s.state()).isEqualTo(State.MAPPED);
        assertThat(s.externalPort()).isEqualTo(22125);
        assertThat(s.describe()).startsWith("UDP 22124 mapped to external port 22125 on gateway 192.168.1.1 (NAT-PMP)")
                .contains("port 22124 is already mapped to another computer")
                .contains("friends must connect to that port");
    }

    @Test
    void aServerBoundToAnotherAddressThanTheTargetIsToldWhichAndWhatToDo() {
        PortMappingStatus s = MappingVerdicts.boundElsewhere("UPnP", GATEWAY, 22124,
                InetAddress.ofLiteral("192.168.1.30"), InetAddress.ofLiteral("192.168.1.20"));
        assertThat(s.state().jsonName()).isEqualTo("bound_elsewhere");
        assertThat(s.isMapped()).isFalse();
        assertThat(s.describe()).isEqualTo("UDP 22124 not mapped on gateway 192.168.1.1 (UPnP): the server listens"
                + " only on 192.168.1.30 (--serverbindip), but the router forwards to this computer's address"
                + " 192.168.1.20: bind the server to 192.168.1.20 or leave --serverbindip out");
    }

    @ParameterizedTest
    @CsvSource({
        "100.64.0.1, 100.64.0.0/10",
        "100.127.255.254, CGNAT",
        "10.0.0.2, RFC 1918",
        "172.20.1.1, another router sits in front",
        "192.168.178.20, private address",
    })
    void aMappingOnAnAddressBehindAnotherNatIsExplainedNotCelebrated(String external, String expected) {
        PortMappingStatus s = MappingVerdicts.mapped("UPnP", GATEWAY, 22124, 22124, InetAddress.ofLiteral(external));
        assertThat(s.state()).isEqualTo(State.BEHIND_SECOND_NAT);
        assertThat(s.isMapped()).isFalse();
        assertThat(s.reason()).contains(external).contains(expected).contains("register it with a directory")
                .contains("cloud host");
    }

    @Test
    void aRouterThatRefusesAndReportsNoAddressIsBehindASecondNat() {
        // miniupnpd behind CGNAT: AddPortMapping fails (501) and GetExternalIPAddress answers an empty address.
        PortMappingStatus s = MappingVerdicts.refused("UPnP", GATEWAY, 22124, "No response/invalid response to"
                + " mapping", true, null);
        assertThat(s.state()).isEqualTo(State.BEHIND_SECOND_NAT);
        assertThat(s.describe()).startsWith("UDP 22124 not mapped on gateway 192.168.1.1 (UPnP): the router has no"
                + " public address").contains("CGNAT").contains("register it with a directory");
    }

    @Test
    void aRefusalWithAPublicRouterAddressIsAPlainRefusal() {
        PortMappingStatus s = MappingVerdicts.refused("UPnP", GATEWAY, 22124, "ConflictInMappingEntry", true, PUBLIC);
        assertThat(s.state()).isEqualTo(State.REFUSED);
        assertThat(s.reason()).isEqualTo("the router refused: ConflictInMappingEntry");
    }

    @Test
    void aRefusalWithoutWordsStillSaysSo() {
        assertThat(MappingVerdicts.refused("PCP", GATEWAY, 22124, " ", false, null).reason())
                .isEqualTo("the router refused: no reason given");
    }

    @Test
    void natPmpNetworkFailureIsTheSecondNatToo() {
        PortMappingStatus s = MappingVerdicts.fromNatPmpAnswer(GATEWAY, 22124, new NatPmpAnswer(3, null));
        assertThat(s.state()).isEqualTo(State.BEHIND_SECOND_NAT);
        assertThat(s.protocol()).isEqualTo("NAT-PMP");
    }

    @Test
    void natPmpNotAuthorisedIsARefusalAndSuccessDecidesNothingYet() {
        PortMappingStatus refused = MappingVerdicts.fromNatPmpAnswer(GATEWAY, 22124, new NatPmpAnswer(2, null));
        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.reason()).startsWith("the router refused: not authorised");
        assertThat(MappingVerdicts.fromNatPmpAnswer(GATEWAY, 22124, new NatPmpAnswer(0, PUBLIC))).isNull();
        assertThat(MappingVerdicts.fromNatPmpAnswer(GATEWAY, 22124, new NatPmpAnswer(1, null))).as("PCP only").isNull();
    }

    @Test
    void noGatewaySaysSoInPlainWords() {
        assertThat(PortMappingStatus.noGateway(22124).describe())
                .isEqualTo("UDP 22124 not mapped: no UPnP/NAT-PMP gateway answered");
        assertThat(PortMappingStatus.off(22124).state().jsonName()).isEqualTo("off");
        assertThat(new PortMappingStatus(State.BEHIND_SECOND_NAT, "", null, null, 1, 0, "").state().jsonName())
                .isEqualTo("behind_second_nat");
    }
}
