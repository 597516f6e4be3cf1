package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.Version;
import org.tutti.protocol.ConnectionlessMessage.EmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerEx;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerResp;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.SendEmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.UnregisterServer;
import org.tutti.protocol.ConnectionlessMessage.PingMs;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.RegistrationResult;
import org.tutti.protocol.ServerListEntry;
import org.tutti.protocol.ServerRegistration;

class ServerRegistrarTest {
    private static final InetSocketAddress DIRECTORY = new InetSocketAddress("198.51.100.7", 22124);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("203.0.113.9", 22124);
    private final WireSink sink = new WireSink();
    private final List<RegistrationStatus> changes = new ArrayList<>();

    private ServerRegistrar registrar() {
        ServerRegistrar r = new ServerRegistrar(DIRECTORY, ServerInfo.parse("Tutti Test;Lyon;fr", 0), 24301, 12,
                "192.0.2.2", sink);
        r.onStatusChange(changes::add);
        return r;
    }

    @Test
    void registersWithTheExtendedMessageAndItsInfo() {
        ServerRegistrar r = registrar();
        r.start(0);
        assertThat(sink.sent).hasSize(1);
        assertThat(sink.sent.getFirst().to()).isEqualTo(DIRECTORY);
        RegisterServerEx ex = (RegisterServerEx) sink.sent.getFirst().message();
        assertThat(ex.registration()).isEqualTo(new ServerRegistration(24301, 74, 12, false, "Tutti Test", "192.0.2.2", "Lyon"));
        assertThat(ex.version()).isEqualTo(Version.version()).hasSizeLessThanOrEqualTo(30);
        assertThat(ex.os()).isEqualTo(2);
        assertThat(r.status()).isEqualTo(RegistrationStatus.REQUESTED);

        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 40);
        assertThat(r.status()).isEqualTo(RegistrationStatus.REGISTERED);
        r.poll(10_000);
        assertThat(sink.of(RegisterServerEx.class)).hasSize(1); // no retry after the answer
        assertThat(sink.of(ReqServerList.class)).as("asks for the list, to see its own entry").hasSize(1);
    }

    @Test
    void learnsItsPublicAddressFromItsEntryInTheDirectorysList() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 40);
        assertThat(sink.sent.getLast()).isEqualTo(new WireSink.Sent(new ReqServerList(), DIRECTORY));
        ServerListEntry itself = new ServerListEntry(0, 0, 82, 10, true, "Dir", "", "");
        ServerListEntry other = entry("Other", "198.51.100.40", 24301);
        ServerListEntry own = entry("Tutti Test", "198.51.100.50", 24301);

        r.onMessage(new ServerList(List.of(itself, other, own)), STRANGER, 50);
        assertThat(r.seenByDirectory()).as("only the directory's list counts").isNull();
        r.onMessage(new ServerList(List.of(itself, entry("Tutti Test", "192.0.2.2", 24301))), DIRECTORY, 50);
        assertThat(r.seenByDirectory()).as("its own LAN address (a Jamulus directory's answer) says nothing").isNull();
        r.onMessage(new ServerList(List.of(itself, other, own)), DIRECTORY, 60);
        assertThat(r.seenByDirectory()).isEqualTo(new InetSocketAddress("198.51.100.50", 24301));
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 70);
        assertThat(sink.of(ReqServerList.class)).as("a directory that tells: asked at each registration").hasSize(2);

        r.reRegister(100);
        assertThat(sink.sent.getLast().message()).isInstanceOf(RegisterServerEx.class);
        r.shutdown();
        assertThat(r.seenByDirectory()).isNull();
    }

    @Test
    void aDirectoryThatShowsTheLanAddressIsNotAskedAgain() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 40);
        r.onMessage(new ServerList(List.of(new ServerListEntry(0, 0, 82, 10, true, "Dir", "", ""),
                entry("Tutti Test", "192.0.2.2", 24301))), DIRECTORY, 50); // what Jamulus 3.9.1 answers
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 900_000);
        assertThat(sink.of(ReqServerList.class)).hasSize(1);
        assertThat(r.seenByDirectory()).isNull();
    }

    private static ServerListEntry entry(String name, String ip, int port) {
        return new ServerListEntry(Ipv4.toInt((java.net.Inet4Address) new InetSocketAddress(ip, 0).getAddress()),
                port, 74, 12, false, name, "", "Lyon");
    }

    @Test
    void retriesFiveTimesHalfASecondApartThenTimesOutButAcceptsALateAnswer() {
        ServerRegistrar r = registrar();
        r.start(0);
        for (long t = 0; t <= 3000; t += 10) {
            r.poll(t);
        }
        assertThat(sink.of(RegisterServerEx.class)).hasSize(5);
        assertThat(r.status()).isEqualTo(RegistrationStatus.TIME_OUT);
        assertThat(changes).containsExactly(RegistrationStatus.REQUESTED, RegistrationStatus.TIME_OUT);

        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 3100);
        assertThat(r.status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    @Test
    void refusalsMapToTheJsonRpcStatusNames() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REQUIREMENTS_NOT_FULFILLED), DIRECTORY, 5);
        assertThat(r.status().jsonName()).isEqualTo("requirements_not_fulfilled");
        r.onMessage(new RegisterServerResp(RegistrationResult.SERVER_LIST_FULL), DIRECTORY, 6);
        assertThat(r.status().jsonName()).isEqualTo("directory_server_full");
        r.onMessage(new RegisterServerResp(RegistrationResult.VERSION_TOO_OLD), DIRECTORY, 7);
        assertThat(r.status().jsonName()).isEqualTo("server_version_too_old");
    }

    @Test
    void answersFromOtherAddressesAreIgnored() {
        ServerRegistrar r = registrar();
        r.start(0);
        assertThat(r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), STRANGER, 5)).isTrue();
        assertThat(r.status()).isEqualTo(RegistrationStatus.REQUESTED);
        assertThat(r.onMessage(new PingMs(5), DIRECTORY, 5)).isFalse();
    }

    @Test
    void keepAliveEvery59sRefreshEvery15MinAndPermanentAfter48h() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 10);
        sink.drain();
        for (long t = 0; t <= 15 * 60_000; t += 1000) {
            r.poll(t);
        }
        assertThat(sink.of(EmptyMessage.class)).hasSize(15); // at 59 s, 118 s … 885 s
        assertThat(sink.sent).allMatch(s -> s.to().equals(DIRECTORY));
        assertThat(sink.of(RegisterServerEx.class)).hasSize(1);
        assertThat(sink.of(RegisterServerEx.class).getFirst().registration().permanent()).isFalse();

        long t = 48 * 3_600_000L;
        r.poll(t);
        r.poll(t + 15 * 60_000); // next refresh carries the flag
        List<RegisterServerEx> regs = sink.of(RegisterServerEx.class);
        assertThat(regs.getLast().registration().permanent()).isTrue();
    }

    @Test
    void holePunchRequestsAreObeyedOnlyFromTheDirectory() {
        ServerRegistrar r = registrar();
        r.start(0);
        sink.drain();
        int client = Ipv4.toInt((java.net.Inet4Address) java.net.InetAddress.ofLiteral("203.0.113.50"));
        r.onMessage(new SendEmptyMessage(client, 22134), DIRECTORY, 5);
        r.onMessage(new SendEmptyMessage(client, 22135), STRANGER, 6);
        assertThat(sink.sent).containsExactly(
                new WireSink.Sent(new EmptyMessage(), new InetSocketAddress("203.0.113.50", 22134)));
        assertThat(r.ignoredSendEmptyRequests()).isEqualTo(1);
    }

    @Test
    void shutdownUnregistersAndStopsTimers() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 10);
        sink.drain();
        r.shutdown();
        assertThat(sink.drain()).containsExactly(new WireSink.Sent(new UnregisterServer(), DIRECTORY));
        assertThat(r.status()).isEqualTo(RegistrationStatus.NOT_REGISTERED);
        r.poll(3_600_000);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void anUnresolvableDirectoryIsABadAddress() {
        ServerRegistrar r = new ServerRegistrar(null, ServerInfo.parse("X;Y;82", 0), 22124, 10, "127.0.0.1", sink);
        r.start(0);
        assertThat(r.status().jsonName()).isEqualTo("bad_address");
        assertThat(sink.sent).isEmpty();
        assertThat(DirectoryAddress.parse("no-such-host.invalid").resolve()).isNull();
    }

    @Test
    void aLaterDnsAnswerEndsBadAddressAndANewAddressIsUsedFromTheNextRefresh() {
        ServerRegistrar r = new ServerRegistrar(null, ServerInfo.parse("X;Y;82", 0), 22124, 10, "127.0.0.1", sink);
        r.start(0);
        r.poll(60_000);
        assertThat(sink.sent).isEmpty(); // no keep-alives to nowhere
        r.directoryResolved(null); // a failed lookup changes nothing
        r.poll(61_000);
        assertThat(r.status()).isEqualTo(RegistrationStatus.BAD_ADDRESS);
        r.directoryResolved(DIRECTORY);
        r.poll(62_000);
        assertThat(sink.drain()).filteredOn(s -> s.message() instanceof RegisterServerEx)
                .extracting(WireSink.Sent::to).containsExactly(DIRECTORY);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 62_010);

        r.directoryResolved(STRANGER); // the directory moved
        r.poll(63_000);
        assertThat(sink.of(RegisterServerEx.class)).isEmpty();
        r.poll(62_000 + 15 * 60_000);
        assertThat(sink.sent).filteredOn(s -> s.message() instanceof RegisterServerEx)
                .extracting(WireSink.Sent::to).containsExactly(STRANGER);
        r.shutdown();
        assertThat(sink.sent.getLast()).isEqualTo(new WireSink.Sent(new UnregisterServer(), STRANGER));
    }

    @Test
    void changedInfoIsRegisteredAtOnce() {
        ServerRegistrar r = registrar();
        r.start(0);
        r.onMessage(new RegisterServerResp(RegistrationResult.REGISTERED), DIRECTORY, 10);
        sink.drain();
        r.updateInfo(ServerInfo.parse("Renamed;Lyon;fr", 0), 20);
        assertThat(sink.of(RegisterServerEx.class).getFirst().registration().name()).isEqualTo("Renamed");
    }
}
