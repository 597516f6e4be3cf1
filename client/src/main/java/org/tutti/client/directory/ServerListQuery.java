package org.tutti.client.directory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.tutti.server.directory.ClmComponent;
import org.tutti.server.directory.ClmSink;

/**
 * The connect dialog's server list (protocol doc §7.4): asks a directory for its list (again every 2 s until the full
 * list arrives; lists are accepted only from the directory's IP; the reduced list stands in until then), then pings
 * every listed server with CLM_PING_MS_WITHNUMCLIENTS every 2.5 s, 11 ms apart, and asks for the musicians when the
 * count changed and once for the version.
 *
 * <p>Socket-agnostic and clock-driven: the client engine hands in received CLMs and calls {@link #poll} every few ms
 * while the dialog is open ({@link #nextDueMs()} says when it is next needed). All calls from that one thread;
 * {@link #snapshot()} may be read from any thread.
 */
public final class ServerListQuery implements ClmComponent {
    static final long REQUEST_INTERVAL_MS = 2000;
    static final long PING_INTERVAL_MS = 2500;
    static final long PING_SPACING_MS = 11;
    /** Directories hold at most 150; more is a broken or hostile directory, and we would ping them all. */
    static final int MAX_SERVERS = 500;

    private final InetSocketAddress directory;
    private final ClmSink sink;
    private final ServerListListener listener;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<InetSocketAddress, Slot> byAddress = new HashMap<>();
    private volatile List<ListedServer> snapshot = List.of();

    private boolean running;
    private boolean fullListReceived;
    private boolean reducedListReceived;
    private long nextRequestMs;
    private long pingRoundStartMs;
    private int nextPingIndex;

    /** Mutable per-server state, owned by the driving thread. */
    private static final class Slot {
        InetSocketAddress address;
        String name;
        String city;
        int country;
        int maxClients;
        boolean permanent;
        boolean directory;
        int pingMs = -1;
        int minPingMs = -1;
        int numClients = -1;
        List<ChannelInfo> musicians = List.of();
        String version = "";
        OperatingSystem os = OperatingSystem.UNKNOWN;
        boolean versionRequested;

        ListedServer view() {
            return new ListedServer(address, name, city, country, maxClients, permanent, directory, pingMs, minPingMs,
                    numClients, musicians, version, os);
        }
    }

    public ServerListQuery(InetSocketAddress directory, ClmSink sink, ServerListListener listener) {
        this.directory = directory;
        this.sink = sink;
        this.listener = listener == null ? servers -> { } : listener;
    }

    /** Sends the first list request. */
    public void start(long nowMs) {
        running = true;
        fullListReceived = false;
        reducedListReceived = false;
        request(nowMs);
    }

    /** Stops all sending (dialog closed); the snapshot stays. */
    public void stop() {
        running = false;
    }

    /** Resends the list request and pings when due. */
    @Override
    public void poll(long nowMs) {
        if (!running) {
            return;
        }
        if (!fullListReceived && nowMs >= nextRequestMs) {
            request(nowMs);
        }
        if (slots.isEmpty()) {
            return;
        }
        if (nextPingIndex >= slots.size() && nowMs >= pingRoundStartMs + PING_INTERVAL_MS) {
            pingRoundStartMs = nowMs;
            nextPingIndex = 0;
        }
        while (nextPingIndex < slots.size() && nowMs >= pingRoundStartMs + nextPingIndex * PING_SPACING_MS) {
            sink.send(new PingMsWithNumClients((int) nowMs, 0), slots.get(nextPingIndex++).address);
        }
    }

    /** When {@link #poll} next has something to do (ms on the caller's clock), or Long.MAX_VALUE. */
    public long nextDueMs() {
        if (!running) {
            return Long.MAX_VALUE;
        }
        long due = fullListReceived ? Long.MAX_VALUE : nextRequestMs;
        if (!slots.isEmpty()) {
            due = Math.min(due, nextPingIndex < slots.size()
                    ? pingRoundStartMs + nextPingIndex * PING_SPACING_MS : pingRoundStartMs + PING_INTERVAL_MS);
        }
        return due;
    }

    /**
     * Handles lists from the directory and answers from listed servers.
     *
     * @return true when the message was for the server list
     */
    @Override
    public boolean onMessage(ConnectionlessMessage message, InetSocketAddress from, long nowMs) {
        switch (message) {
            case ServerList(List<ServerListEntry> servers) -> {
                if (fromDirectory(from) && !fullListReceived) {
                    fullListReceived = true;
                    setServers(fullSlots(servers, from), nowMs);
                    listener.listReceived(true);
                }
            }
            case ReducedServerList(List<ReducedServerListEntry> servers) -> {
                if (fromDirectory(from) && !fullListReceived && !reducedListReceived) {
                    reducedListReceived = true;
                    setServers(reducedSlots(servers, from), nowMs);
                    listener.listReceived(false);
                }
            }
            case PingMsWithNumClients(int timeMs, int numClients) -> {
                Slot s = byAddress.get(from);
                int rttMs = (int) nowMs - timeMs;
                if (s == null || rttMs < 0) {
                    return s != null;
                }
                s.pingMs = rttMs;
                s.minPingMs = s.minPingMs < 0 ? rttMs : Math.min(s.minPingMs, rttMs);
                s.numClients = numClients;
                if (numClients != s.musicians.size()) {
                    sink.send(new ReqConnClientsList(), from);
                }
                if (!s.versionRequested) {
                    s.versionRequested = true;
                    sink.send(new ReqVersionAndOs(), from);
                }
                listener.serverAnswered(s.view());
                publish();
            }
            case ConnClientsList(List<ClientListEntry> clients) -> {
                Slot s = byAddress.get(from);
                if (s == null) {
                    return false;
                }
                s.musicians = clients.stream().map(ClientListEntry::info).toList();
                publish();
            }
            case VersionAndOs(int os, String version) -> {
                Slot s = byAddress.get(from);
                if (s == null) {
                    return false;
                }
                s.version = version;
                s.os = OperatingSystem.fromCode(os);
                publish();
            }
            case ConnectionlessMessage.PingMs _, ConnectionlessMessage.ServerFull _,
                    ConnectionlessMessage.RegisterServer _, ConnectionlessMessage.UnregisterServer _,
                    ConnectionlessMessage.ReqServerList _, ConnectionlessMessage.SendEmptyMessage _,
                    ConnectionlessMessage.EmptyMessage _, ConnectionlessMessage.Disconnection _,
                    ConnectionlessMessage.ReqVersionAndOs _, ConnectionlessMessage.ReqConnClientsList _,
                    ConnectionlessMessage.ChannelLevelList _, ConnectionlessMessage.RegisterServerResp _,
                    ConnectionlessMessage.RegisterServerEx _, ConnectionlessMessage.ServerFeatures _,
                    ConnectionlessMessage.ReqServerFeatures _, ConnectionlessMessage.WelcomeMessage _,
                    ConnectionlessMessage.ReqWelcomeMessage _, ConnectionlessMessage.Unknown _ -> {
                return false;
            }
        }
        return true;
    }

    /** The servers in list order (entry 0 is the directory); immutable. */
    public List<ListedServer> snapshot() {
        return snapshot;
    }

    /** True once the full list (not just the reduced one) arrived. */
    public boolean fullListReceived() {
        return fullListReceived;
    }

    private void request(long nowMs) {
        sink.send(new ReqServerList(), directory);
        nextRequestMs = nowMs + REQUEST_INTERVAL_MS;
    }

    private boolean fromDirectory(InetSocketAddress from) {
        // Only the IP: a directory may answer from another port than the one we asked.
        return from.getAddress().equals(directory.getAddress());
    }

    private static List<Slot> fullSlots(List<ServerListEntry> servers, InetSocketAddress from) {
        List<Slot> result = new ArrayList<>(servers.size());
        for (int i = 0; i < Math.min(servers.size(), MAX_SERVERS); i++) {
            ServerListEntry e = servers.get(i);
            Slot s = new Slot();
            s.address = i == 0 ? from : new InetSocketAddress(Ipv4.toAddress(e.ipv4()), e.port());
            s.name = e.name();
            s.city = e.city();
            s.country = e.country();
            s.maxClients = e.maxClients();
            s.permanent = e.permanent();
            s.directory = i == 0;
            result.add(s);
        }
        return result;
    }

    private static List<Slot> reducedSlots(List<ReducedServerListEntry> servers, InetSocketAddress from) {
        List<Slot> result = new ArrayList<>(servers.size());
        for (int i = 0; i < Math.min(servers.size(), MAX_SERVERS); i++) {
            ReducedServerListEntry e = servers.get(i);
            Slot s = new Slot();
            s.address = i == 0 ? from : new InetSocketAddress(Ipv4.toAddress(e.ipv4()), e.port());
            s.name = e.name();
            s.city = "";
            s.directory = i == 0;
            result.add(s);
        }
        return result;
    }

    /** Replaces the list, keeping what was measured for servers that stay, and starts a ping round now. */
    private void setServers(List<Slot> fresh, long nowMs) {
        for (Slot s : fresh) {
            Slot old = byAddress.get(s.address);
            if (old != null) {
                s.pingMs = old.pingMs;
                s.minPingMs = old.minPingMs;
                s.numClients = old.numClients;
                s.musicians = old.musicians;
                s.version = old.version;
                s.os = old.os;
                s.versionRequested = old.versionRequested;
            }
        }
        slots.clear();
        byAddress.clear();
        for (Slot s : fresh) {
            if (byAddress.putIfAbsent(s.address, s) == null) {
                slots.add(s); // a duplicate address would only be pinged twice
            }
        }
        pingRoundStartMs = nowMs;
        nextPingIndex = 0;
        publish();
        poll(nowMs);
    }

    private void publish() {
        List<ListedServer> list = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            list.add(s.view());
        }
        snapshot = List.copyOf(list);
        listener.serversChanged(snapshot);
    }
}
