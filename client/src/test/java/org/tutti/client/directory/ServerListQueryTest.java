package org.tutti.client.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.ConnectionlessMessage.ConnClientsList;
import org.tutti.protocol.ConnectionlessMessage.PingMsWithNumClients;
import org.tutti.protocol.ConnectionlessMessage.ReducedServerList;
import org.tutti.protocol.ConnectionlessMessage.ReqConnClientsList;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.ReqVersionAndOs;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.VersionAndOs;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.OperatingSystem;
import org.tutti.protocol.ReducedServerListEntry;
import org.tutti.protocol.ServerListEntry;

class ServerListQueryTest {
    private static final InetSocketAddress DIRECTORY = new InetSocketAddress("198.51.100.1", 22124);
    private static final InetSocketAddress A = new InetSocketAddress("198.51.100.10", 22124);
    private static final InetSocketAddress B = new InetSocketAddress("198.51.100.11", 22200);

    private record Sent(ConnectionlessMessage message, InetSocketAddress to, long atMs) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<List<ListedServer>> published = new ArrayList<>();
    private long clockMs;
    private final ServerListQuery query = new ServerListQuery(DIRECTORY,
            (m, to) -> sent.add(new Sent(m, to, clockMs)), published::add);

    private static int ip(InetSocketAddress a) {
        return Ipv4.toInt((Inet4Address) a.getAddress());
    }

    private static ServerList fullList() {
        return new ServerList(List.of(
                new ServerListEntry(0, 0, 82, 10, true, "Dir", "", "Berlin"),
                new ServerListEntry(ip(A), A.getPort(), 74, 8, false, "Alpha", "", "Lyon"),
                new ServerListEntry(ip(B), B.getPort(), 225, 4, false, "Beta", "", "Austin")));
    }

    private void runUntil(long endMs) {
        for (; clockMs <= endMs; clockMs++) {
            query.poll(clockMs);
        }
        clockMs = endMs;
    }

    private long count(Class<?> type) {
        return sent.stream().filter(s -> type.isInstance(s.message())).count();
    }

    @Test
    void requestsAgainEvery2sUntilTheFullListArrives() {
        query.start(0);
        runUntil(5000);
        assertThat(sent).filteredOn(s -> s.message() instanceof ReqServerList)
                .extracting(Sent::atMs).containsExactly(0L, 2000L, 4000L);
        assertThat(sent).allMatch(s -> s.to().equals(DIRECTORY));
        query.onMessage(new ReducedServerList(List.of(new ReducedServerListEntry(0, 0, "Dir"))), DIRECTORY, 5000);
        runUntil(6500);
        assertThat(count(ReqServerList.class)).isEqualTo(4); // the reduced list does not stop the requests
        query.onMessage(fullList(), new InetSocketAddress(DIRECTORY.getAddress(), 5999), 6500); // other port is fine
        runUntil(20_000);
        assertThat(count(ReqServerList.class)).isEqualTo(4);
        assertThat(query.fullListReceived()).isTrue();
    }

    @Test
    void listsFromOtherAddressesAreIgnoredAndTheReducedListIsReplaced() {
        query.start(0);
        assertThat(query.onMessage(fullList(), A, 1)).isTrue();
        assertThat(query.snapshot()).isEmpty();
        query.onMessage(new ReducedServerList(List.of(new ReducedServerListEntry(0, 0, "Dir"),
                new ReducedServerListEntry(ip(A), A.getPort(), "Alpha"))), DIRECTORY, 2);
        assertThat(query.snapshot()).extracting(ListedServer::name).containsExactly("Dir", "Alpha");
        assertThat(query.snapshot().get(1).maxClients()).isZero();
        query.onMessage(fullList(), DIRECTORY, 3);
        assertThat(query.snapshot()).extracting(ListedServer::name).containsExactly("Dir", "Alpha", "Beta");
        assertThat(query.snapshot().get(0).address()).isEqualTo(DIRECTORY); // entry 0 is where the list came from
        assertThat(query.snapshot().get(2)).satisfies(b -> {
            assertThat(b.address()).isEqualTo(B);
            assertThat(b.city()).isEqualTo("Austin");
            assertThat(b.country()).isEqualTo(225);
            assertThat(b.answered()).isFalse();
        });
        query.onMessage(new ReducedServerList(List.of()), DIRECTORY, 4); // late reduced list: ignored
        query.onMessage(new ServerList(List.of()), DIRECTORY, 5); // and so is a second full list
        assertThat(query.snapshot()).hasSize(3);
    }

    @Test
    void pingsEveryServerEvery2500ms11msApart() {
        query.start(0);
        clockMs = 100;
        query.onMessage(fullList(), DIRECTORY, 100);
        runUntil(5200);
        List<Sent> pings = sent.stream().filter(s -> s.message() instanceof PingMsWithNumClients).toList();
        assertThat(pings).extracting(Sent::to).containsExactly(DIRECTORY, A, B, DIRECTORY, A, B, DIRECTORY, A, B);
        assertThat(pings).extracting(Sent::atMs).containsExactly(100L, 111L, 122L, 2600L, 2611L, 2622L,
                5100L, 5111L, 5122L);
        assertThat(query.nextDueMs()).isEqualTo(7600);
        query.stop();
        sent.clear();
        runUntil(20_000);
        assertThat(sent).isEmpty();
    }

    @Test
    void pingAnswersGivePingCountMusiciansAndVersion() {
        query.start(0);
        query.onMessage(fullList(), DIRECTORY, 0);
        sent.clear();
        assertThat(query.onMessage(new PingMsWithNumClients(1000, 2), A, 1023)).isTrue();
        assertThat(sent).extracting(Sent::message).containsExactly(new ReqConnClientsList(), new ReqVersionAndOs());
        assertThat(sent).allMatch(s -> s.to().equals(A));
        ListedServer a = query.snapshot().get(1);
        assertThat(a.pingMs()).isEqualTo(23);
        assertThat(a.occupancy()).isEqualTo("2/8");
        assertThat(a.answered()).isTrue();

        ChannelInfo alice = new ChannelInfo(82, 3, 2, "Alice", "Town");
        ChannelInfo bob = new ChannelInfo(0, 0, 0, "Bob", "");
        query.onMessage(new ConnClientsList(List.of(new ClientListEntry(0, alice), new ClientListEntry(3, bob))), A,
                1030);
        query.onMessage(new VersionAndOs(2, "3.9.1"), A, 1031);
        a = query.snapshot().get(1);
        assertThat(a.musicians()).containsExactly(alice, bob);
        assertThat(a.version()).isEqualTo("3.9.1");
        assertThat(a.os()).isEqualTo(OperatingSystem.LINUX);

        sent.clear();
        query.onMessage(new PingMsWithNumClients(3500, 2), A, 3510); // same count: no new requests
        assertThat(sent).isEmpty();
        assertThat(query.snapshot().get(1).pingMs()).isEqualTo(10);
        assertThat(query.snapshot().get(1).minPingMs()).isEqualTo(10);
        query.onMessage(new PingMsWithNumClients(6000, 8), A, 6040);
        assertThat(sent).extracting(Sent::message).containsExactly(new ReqConnClientsList());
        assertThat(query.snapshot().get(1).occupancy()).isEqualTo("8 (full)");
        assertThat(query.snapshot().get(1).minPingMs()).isEqualTo(10);
        assertThat(published).isNotEmpty();
        assertThat(published.getLast()).isEqualTo(query.snapshot());
    }

    @Test
    void answersFromUnlistedAddressesAreIgnored() throws Exception {
        query.start(0);
        query.onMessage(fullList(), DIRECTORY, 0);
        InetSocketAddress stranger = new InetSocketAddress(InetAddress.ofLiteral("203.0.113.1"), 22124);
        assertThat(query.onMessage(new PingMsWithNumClients(0, 5), stranger, 10)).isFalse();
        assertThat(query.onMessage(new VersionAndOs(2, "6.6.6"), stranger, 10)).isFalse();
        assertThat(query.onMessage(new PingMsWithNumClients(0, 5), new InetSocketAddress(A.getAddress(), 1), 10))
                .isFalse();
        assertThat(query.snapshot()).noneMatch(ListedServer::answered);
    }
}
