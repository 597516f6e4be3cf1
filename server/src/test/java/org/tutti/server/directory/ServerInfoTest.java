package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.protocol.Countries;

class ServerInfoTest {
    @ParameterizedTest
    @CsvSource({"82,82", "de,82", "DE,82", "De,82", "fr,74", "it,106", "gb,224", "UK,224", "us,225", "ch,206",
            "at,14", "nl,151", "jp,108", "br,30", "ca,38", "au,13", "es,197", "se,205", "xx,0", "261,261", "262,0",
            "-1,0", "99999999999,0", "'',0"})
    void countryIsAQt5NumberOrAnIsoCodeInAnyCase(String country, int expected) {
        assertThat(ServerInfo.parse("Name;City;" + country, 0).country()).isEqualTo(expected);
    }

    @Test
    void nameAndCityAreCutTo20AndExtraFieldsIgnored() {
        ServerInfo info = ServerInfo.parse("A very long server name indeed;A city with a long name too;82;extra", 0);
        assertThat(info.name()).isEqualTo("A very long server n");
        assertThat(info.city()).isEqualTo("A city with a long n");
        assertThat(info.country()).isEqualTo(82);
    }

    @Test
    void fewerThanThreeFieldsGivesTheDefaults() {
        assertThat(ServerInfo.parse("Name;City", 74)).isEqualTo(new ServerInfo("", "", 74));
        assertThat(ServerInfo.parse(null, 0)).isEqualTo(new ServerInfo("", "", 0));
        assertThat(ServerInfo.parse(";;", 74)).isEqualTo(new ServerInfo("", "", 74));
    }

    @Test
    void countryTableRoundTripsIsoCodes() {
        for (int qt = 1; qt <= Countries.LAST; qt++) {
            String iso = Countries.isoCode(qt);
            if (!iso.isEmpty()) {
                assertThat(Countries.fromIsoCode(iso)).as(iso).isEqualTo(qt);
            }
        }
        assertThat(Countries.isoCode(0)).isEmpty();
        assertThat(Countries.isoCode(262)).isEmpty();
        assertThat(Countries.displayName(82)).isEqualTo("Germany");
        assertThat(Countries.displayName(225)).isEqualTo("United States");
    }

    @Test
    void directoryAddressesParseWithDefaultPortAndKnowTheGenreDirectories() {
        assertThat(DirectoryAddress.parse("example.org")).isEqualTo(new DirectoryAddress("example.org", 22124));
        assertThat(DirectoryAddress.parse("example.org:22224").port()).isEqualTo(22224);
        assertThat(DirectoryAddress.parse("[::1]:5000")).isEqualTo(new DirectoryAddress("::1", 5000));
        assertThat(DirectoryAddress.namesThisServer("LocalHost")).isTrue();
        assertThat(DirectoryAddress.namesThisServer(" 127.0.0.1 ")).isTrue();
        // Jamulus 3.9.1 compares the whole text: with a port it is a directory elsewhere on this machine.
        assertThat(DirectoryAddress.namesThisServer("127.0.0.1:22124")).isFalse();
        assertThat(DirectoryAddress.namesThisServer("localhost:22124")).isFalse();
        assertThat(DirectoryAddress.namesThisServer("anygenre1.jamulus.app")).isFalse();
        assertThatThrownBy(() -> DirectoryAddress.parse("host:port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryAddress.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KnownDirectory.byHost("anygenre3.jamulus.io")).isEqualTo(KnownDirectory.ANY_GENRE_ASIA);
        assertThat(KnownDirectory.ANY_GENRE_1.address().toString()).isEqualTo("anygenre1.jamulus.app:22124");
        assertThat(KnownDirectory.JAZZ.legacyAddress().toString()).isEqualTo("jazz.jamulus.io:22324");
    }

    @Test
    void privateMeansTheFourJamulusRanges() {
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("10.1.2.3"))).isTrue();
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("127.0.0.1"))).isTrue();
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("172.31.0.1"))).isTrue();
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("172.32.0.1"))).isFalse();
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("192.168.9.9"))).isTrue();
        assertThat(NetworkAddresses.isPrivate(java.net.InetAddress.ofLiteral("192.0.2.2"))).isFalse();
    }
}
