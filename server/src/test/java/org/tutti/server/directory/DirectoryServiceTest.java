package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.protocol.ConnectionlessMessage.EmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.ReducedServerList;
import org.tutti.protocol.ConnectionlessMessage.RegisterServer;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerEx;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerResp;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.SendEmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.UnregisterServer;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.RegistrationResult;
import org.tutti.protocol.ServerListEntry;
import org.tutti.protocol.ServerRegistration;

class DirectoryServiceTest {
    private static final InetSocketAddress LAN_SERVER = new InetSocketAddress("192.168.1.20", 22124);
    private static final InetSocketAddress PUBLIC_SERVER = new InetSocketAddress("198.51.100.30", 40000);
    private static final InetSocketAddress LAN_CLIENT = new InetSocketAddress("192.168.1.50", 22134);
    private static final InetSocketAddress PUBLIC_CLIENT = new InetSocketAddress("203.0.113.77", 22150);

    private final WireSink sink = new WireSink();

    @TempDir
    Path dir;

    private DirectoryService directory(ListFilter filter, Path file, long nowMs) {
        return new DirectoryService(ServerInfo.parse("MyDir;DirCity;82", 0), 10, ip("192.0.2.2"), filter, file,
                new RateLimiter(1000, 1000), sink, nowMs);
    }

    private static Inet4Address ip(String text) {
        return (Inet4Address) InetAddress.ofLiteral(text);
    }

    private static RegisterServerEx reg(String name, String internal, int port, String version) {
        return new RegisterServerEx(new ServerRegistration(port, 74, 12, false, name, internal, "Lyon"), 2, version);
    }

    @Test
    void registrationIsKeyedBySourceAndAnswered() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        assertThat(d.onMessage(reg("Srv", "10.0.0.5", 24301, "3.9.1"), LAN_SERVER, 1)).isTrue();
        assertThat(sink.drain()).containsExactly(
                new WireSink.Sent(new RegisterServerResp(RegistrationResult.REGISTERED), LAN_SERVER));
        assertThat(d.entries()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(LAN_SERVER);
            assertThat(e.internal()).isEqualTo(new InetSocketAddress("10.0.0.5", 24301));
            assertThat(e.info()).isEqualTo(new ServerInfo("Srv", "Lyon", 74));
        });
        d.onMessage(reg("Renamed", "10.0.0.5", 24301, "3.9.1"), LAN_SERVER, 2); // same key: an update
        assertThat(d.entries()).singleElement().extracting(e -> e.info().name()).isEqualTo("Renamed");
        d.onMessage(new UnregisterServer(), PUBLIC_SERVER, 3); // someone else's unregister changes nothing
        assertThat(d.entries()).hasSize(1);
        d.onMessage(new UnregisterServer(), LAN_SERVER, 4);
        assertThat(d.entries()).isEmpty();
    }

    @Test
    void listRequestGetsReducedThenFullListWithItselfAsEntryZero() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        d.onMessage(reg("Lan", "192.168.1.20", 24301, "3.9.1"), LAN_SERVER, 1);
        d.onMessage(reg("Pub", "10.9.9.9", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        sink.drain();
        d.onMessage(new ReqServerList(), PUBLIC_CLIENT, 2);
        List<WireSink.Sent> sent = sink.drain();
        // the public server is asked to punch a hole towards the client; the LAN one is not
        assertThat(sent.get(0)).isEqualTo(new WireSink.Sent(
                new SendEmptyMessage(Ipv4.toInt(ip("203.0.113.77")), 22150), PUBLIC_SERVER));
        assertThat(sent.get(1).message()).isInstanceOf(ReducedServerList.class);
        assertThat(sent.get(2).message()).isInstanceOf(ServerList.class);
        assertThat(sent).hasSize(3).allSatisfy(s -> assertThat(s.to()).isIn(PUBLIC_CLIENT, PUBLIC_SERVER));
        List<ServerListEntry> list = ((ServerList) sent.get(2).message()).servers();
        assertThat(list.get(0)).isEqualTo(new ServerListEntry(0, 0, 82, 10, true, "MyDir", "", "DirCity"));
        // public client: LAN server listed by its internal address + registered port, public server by its source
        assertThat(Ipv4.toText(list.get(1).ipv4()) + ":" + list.get(1).port()).isEqualTo("192.168.1.20:24301");
        assertThat(Ipv4.toText(list.get(2).ipv4()) + ":" + list.get(2).port()).isEqualTo("198.51.100.30:40000");
        assertThat(((ReducedServerList) sent.get(1).message()).servers()).extracting(e -> e.name())
                .containsExactly("MyDir", "Lan", "Pub");
    }

    @Test
    void aServerAskingFromItsOwnSocketSeesTheAddressItRegisteredFrom() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        d.onMessage(reg("Pub", "10.9.9.9", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        sink.drain();
        d.onMessage(new ReqServerList(), PUBLIC_SERVER, 2);
        List<WireSink.Sent> sent = sink.drain();
        assertThat(sent).as("no hole punch towards itself").hasSize(2)
                .allSatisfy(s -> assertThat(s.to()).isEqualTo(PUBLIC_SERVER));
        ServerListEntry own = ((ServerList) sent.get(1).message()).servers().get(1);
        // Jamulus 3.9.1 would list 10.9.9.9:22124 here (same IP as the asker), which tells the server nothing.
        assertThat(Ipv4.toText(own.ipv4()) + ":" + own.port()).isEqualTo("198.51.100.30:40000");
    }

    @Test
    void lanClientsGetSourceAddressesAndHolePunchingUsesTheDirectorysPublicIp() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        d.onMessage(reg("Lan", "10.0.0.5", 24301, "3.9.1"), LAN_SERVER, 1);
        d.onMessage(reg("Pub", "10.9.9.9", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        sink.drain();
        d.onMessage(new ReqServerList(), LAN_CLIENT, 2);
        List<WireSink.Sent> sent = sink.drain();
        assertThat(sent.get(0)).isEqualTo(new WireSink.Sent(
                new SendEmptyMessage(Ipv4.toInt(ip("192.0.2.2")), 22134), PUBLIC_SERVER));
        List<ServerListEntry> list = ((ServerList) sent.getLast().message()).servers();
        assertThat(Ipv4.toText(list.get(1).ipv4()) + ":" + list.get(1).port()).isEqualTo("192.168.1.20:22124");
        assertThat(Ipv4.toText(list.get(2).ipv4()) + ":" + list.get(2).port()).isEqualTo("198.51.100.30:40000");
    }

    @Test
    void aPublicClientBehindTheSameIpAsAServerGetsItsInternalAddress() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        d.onMessage(reg("Pub", "10.9.9.9", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        sink.drain();
        d.onMessage(new ReqServerList(), new InetSocketAddress("198.51.100.30", 5555), 2);
        List<ServerListEntry> list = ((ServerList) sink.drain().getLast().message()).servers();
        assertThat(Ipv4.toText(list.get(1).ipv4()) + ":" + list.get(1).port()).isEqualTo("10.9.9.9:22124");
    }

    @Test
    void theListHoldsAt150EntriesIncludingItself() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        for (int i = 0; i < 150; i++) {
            d.onMessage(reg("S" + i, "", 22124, "3.9.1"), new InetSocketAddress("10.0.1." + i, 22124), 1);
        }
        assertThat(d.entries()).hasSize(149);
        assertThat(sink.of(RegisterServerResp.class).getLast().result()).isEqualTo(RegistrationResult.SERVER_LIST_FULL);
        assertThat(d.refusedRegistrations()).isEqualTo(1);
        d.onMessage(reg("S0 again", "", 22124, "3.9.1"), new InetSocketAddress("10.0.1.0", 22124), 2);
        assertThat(sink.of(RegisterServerResp.class).getLast().result()).isEqualTo(RegistrationResult.REGISTERED);
        d.onMessage(new ReqServerList(), LAN_CLIENT, 3);
        assertThat(sink.of(ServerList.class).getLast().servers()).hasSize(150);
    }

    @Test
    void filterRefusesUnlistedAddressesAndOldVersions() {
        DirectoryService d = directory(ListFilter.parse("192.168.1.20;not-an-ip;[3.6.0]"), null, 0);
        d.onMessage(reg("Listed", "", 22124, "3.9.1"), LAN_SERVER, 1);
        d.onMessage(reg("Other", "", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        d.onMessage(reg("Old", "", 22124, "3.5.9"), LAN_SERVER, 1);
        d.onMessage(new RegisterServer(new ServerRegistration(22124, 0, 10, false, "Legacy", "", "")), LAN_SERVER, 1);
        assertThat(sink.of(RegisterServerResp.class)).extracting(RegisterServerResp::result).containsExactly(
                RegistrationResult.REGISTERED, RegistrationResult.REQUIREMENTS_NOT_FULFILLED,
                RegistrationResult.VERSION_TOO_OLD, RegistrationResult.VERSION_TOO_OLD);
        assertThat(d.entries()).extracting(e -> e.info().name()).containsExactly("Listed");
    }

    @Test
    void entriesExpireAfter33MinutesCheckedEveryMinuteAndGetKeepAlivesEvery59s() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        d.onMessage(reg("Old", "", 22124, "3.9.1"), LAN_SERVER, 0);
        d.onMessage(reg("Fresh", "", 22124, "3.9.1"), PUBLIC_SERVER, 0);
        sink.drain();
        for (long t = 0; t <= 40 * 60_000; t += 1000) {
            if (t % (15 * 60_000) == 0) {
                d.onMessage(reg("Fresh", "", 22124, "3.9.1"), PUBLIC_SERVER, t); // re-registers like a live server
            }
            d.poll(t);
            if (t == 33 * 60_000) {
                assertThat(d.entries()).hasSize(2); // 33 min is not yet "more than 33 min"
            }
        }
        assertThat(d.entries()).extracting(e -> e.info().name()).containsExactly("Fresh");
        long keepAlivesToFresh = sink.sent.stream()
                .filter(s -> s.message() instanceof EmptyMessage && s.to().equals(PUBLIC_SERVER)).count();
        assertThat(keepAlivesToFresh).isEqualTo(40 * 60 / 59);
    }

    @Test
    void answersAreRateLimitedPerSourceIp() {
        DirectoryService d = new DirectoryService(ServerInfo.parse("MyDir;DirCity;82", 0), 10, ip("192.0.2.2"),
                ListFilter.NONE, null, RateLimiter.forDirectory(), sink, 0);
        for (int i = 0; i < 100; i++) {
            d.onMessage(new ReqServerList(), new InetSocketAddress("203.0.113.5", 1000 + i), 0); // spoofed ports
        }
        assertThat(sink.of(ServerList.class)).hasSize(5); // burst of 20 tokens, 4 per list
        assertThat(d.droppedAnswers()).isEqualTo(95);
        d.onMessage(new ReqServerList(), PUBLIC_CLIENT, 0); // another source is unaffected
        assertThat(sink.of(ServerList.class)).hasSize(6);
        d.onMessage(new ReqServerList(), new InetSocketAddress("203.0.113.5", 1), 1000); // 2 tokens: not enough
        assertThat(sink.of(ServerList.class)).hasSize(6);
        d.onMessage(new ReqServerList(), new InetSocketAddress("203.0.113.5", 1), 2000); // 4 tokens
        assertThat(sink.of(ServerList.class)).hasSize(7);
    }

    @Test
    void aListFloodSpoofingAServersIpDoesNotStopItsRegistration() {
        DirectoryService d = new DirectoryService(ServerInfo.parse("MyDir;DirCity;82", 0), 10, ip("192.0.2.2"),
                ListFilter.NONE, null, RateLimiter.forDirectory(), sink, 0);
        for (int i = 0; i < 100; i++) { // the server's IP, any port: every list token of that IP is spent
            d.onMessage(new ReqServerList(), new InetSocketAddress(PUBLIC_SERVER.getAddress(), 2000 + i), 0);
        }
        d.onMessage(reg("Pub", "", 22124, "3.9.1"), PUBLIC_SERVER, 0);
        assertThat(d.entries()).extracting(e -> e.info().name()).containsExactly("Pub");
        assertThat(sink.of(RegisterServerResp.class)).hasSize(1);
    }

    @Test
    void theFileKeepsTheListAcrossARestartInJamulusFormat() throws Exception {
        Path file = dir.resolve("dir.txt");
        DirectoryService d = directory(ListFilter.NONE, file, 0);
        d.onMessage(reg("Ünïcødé server", "10.0.0.5", 24301, "3.9.1"), LAN_SERVER, 1);
        d.onMessage(reg("Pub", "", 22124, "3.9.1"), PUBLIC_SERVER, 1);
        d.shutdown();
        assertThat(Files.readAllLines(file)).containsExactly(
                "192.168.1.20:22124;10.0.0.5:24301;w5xuw69jw7hkw6kgc2VydmVy;THlvbg==;74;12;0",
                "198.51.100.30:40000;127.0.0.1:22124;UHVi;THlvbg==;74;12;0");

        DirectoryService restarted = directory(ListFilter.NONE, file, 5000);
        assertThat(restarted.entries()).isEqualTo(List.of(
                new DirectoryEntry(LAN_SERVER, new InetSocketAddress("10.0.0.5", 24301),
                        new ServerInfo("Ünïcødé server", "Lyon", 74), 12, false, 5000),
                new DirectoryEntry(PUBLIC_SERVER, new InetSocketAddress("127.0.0.1", 22124),
                        new ServerInfo("Pub", "Lyon", 74), 12, false, 5000)));
    }

    @Test
    void changesAreAlsoSavedShortlyAfterwards() throws Exception {
        Path file = dir.resolve("dir.txt");
        DirectoryService d = directory(ListFilter.NONE, file, 0);
        d.onMessage(reg("Srv", "", 22124, "3.9.1"), LAN_SERVER, 1);
        d.poll(5000);
        assertThat(file).doesNotExist();
        d.poll(10_001);
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void readsJamulusLinesAndSkipsBadOnes() throws Exception {
        Path file = dir.resolve("dir.txt");
        Files.writeString(file, String.join("\n",
                "127.0.0.1:24201;192.0.2.2:24201;UmVnU3J2;UGFyaXM=;0;7;0", // observed from Jamulus 3.9.1
                "127.0.0.1:24201;192.0.2.2:24201;RHVw;;0;7;0", // duplicate host
                "too;few;fields",
                "not-an-ip:1;x;UmVnU3J2;UGFyaXM=;0;7;0",
                "[::1]:5000;[::1]:5000;UmVnU3J2;UGFyaXM=;0;7;0",
                "10.0.0.1:5000;10.0.0.1:0;QQ==;Qg==;999;x;1",
                ""));
        DirectoryFile.Contents c = DirectoryFile.read(file, 0);
        assertThat(c.skippedLines()).isEqualTo(4);
        assertThat(c.entries()).containsExactly(
                new DirectoryEntry(new InetSocketAddress("127.0.0.1", 24201), new InetSocketAddress("192.0.2.2", 24201),
                        new ServerInfo("RegSrv", "Paris", 0), 7, false, 0),
                new DirectoryEntry(new InetSocketAddress("10.0.0.1", 5000), new InetSocketAddress("10.0.0.1", 5000),
                        new ServerInfo("A", "B", 0), 10, true, 0));
    }

    @Test
    void aFileWithBrokenBytesOrCrLfStillLoadsItsGoodLines() throws Exception {
        Path file = dir.resolve("dir.txt");
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, ';', '\r', '\n'};
        byte[] good = "127.0.0.1:24201;192.0.2.2:24201;UmVnU3J2;UGFyaXM=;0;7;0\r\n".getBytes();
        Files.write(file, bad);
        Files.write(file, good, java.nio.file.StandardOpenOption.APPEND);
        DirectoryService d = directory(ListFilter.NONE, file, 0);
        assertThat(d.entries()).extracting(e -> e.info().name()).containsExactly("RegSrv");
        assertThat(d.skippedFileLines()).isEqualTo(1);
        assertThat(d.fileErrors()).isZero();
    }

    @Test
    void aFullListOfMaximumLengthAsciiNamesFitsAJamulusReceiveBuffer() {
        DirectoryService d = directory(ListFilter.NONE, null, 0);
        for (int i = 0; i < 149; i++) {
            RegisterServerEx ex = new RegisterServerEx(new ServerRegistration(22124, 82, 150, true,
                    "Server name twenty c", "10.0.0.1", "City name twenty cha"), 2, "3.9.1");
            d.onMessage(ex, new InetSocketAddress("10.0.2." + i, 22124), 0);
        }
        d.onMessage(new ReqServerList(), LAN_CLIENT, 0);
        ServerList list = sink.of(ServerList.class).getLast();
        assertThat(list.servers()).hasSize(150);
        int bytes = org.tutti.protocol.MessageCodec.encodeFrame(list, 0).length;
        assertThat(bytes).isLessThanOrEqualTo(org.tutti.protocol.Frame.MAX_DATAGRAM_BYTES);
    }
}
