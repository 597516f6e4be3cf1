package org.tutti.server.directory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.ConnectionlessMessage.EmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.ReducedServerList;
import org.tutti.protocol.ConnectionlessMessage.RegisterServer;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerEx;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerResp;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.SendEmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.UnregisterServer;
import org.tutti.protocol.Countries;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.ReducedServerListEntry;
import org.tutti.protocol.RegistrationResult;
import org.tutti.protocol.ServerListEntry;
import org.tutti.protocol.ServerRegistration;

/**
 * Directory mode (protocol doc §7.3): a server started with {@code -e localhost} keeps the list of registered
 * servers and hands it to clients. Entries are keyed by the registration's UDP source address; at most 150 including
 * the directory's own entry 0; they expire 33 min after their last registration (checked every minute); every 59 s
 * each gets a CLM_EMPTY_MESSAGE. The list persists in {@code --directoryfile} (read at construction, written when it
 * changed, at most every 10 s, and at {@link #shutdown}). All answers pass a per-source {@link RateLimiter}.
 *
 * <p>Socket-agnostic and clock-driven like {@link ServerRegistrar}; every call comes from the engine thread, except
 * {@link #entries()} and the counters, which any thread may read.
 */
public final class DirectoryService implements ClmComponent {
    static final int MAX_SERVERS = 150; // including entry 0
    static final long EXPIRY_MS = 33 * 60_000L;
    static final long EXPIRY_CHECK_MS = 60_000;
    static final long KEEP_ALIVE_MS = 59_000;
    static final long SAVE_DELAY_MS = 10_000;
    static final double LIST_COST = 4;
    static final double REGISTER_COST = 1;

    private final ClmSink sink;
    private final ListFilter filter;
    private final Path file;
    private final RateLimiter limiter;
    /** Registrations have their own buckets: a list-request flood spoofing a server's IP must not delist it. */
    private final RateLimiter registrationLimiter;
    private final int maxClients;
    private final Inet4Address ownPublicIp;
    private final Map<InetSocketAddress, DirectoryEntry> servers = new LinkedHashMap<>();
    private volatile Consumer<String> log = s -> { };
    private volatile List<DirectoryEntry> snapshot = List.of();

    private ServerInfo info;
    private long nextExpiryCheckMs;
    private long nextKeepAliveMs;
    private boolean dirty;
    private long saveDueMs;
    private volatile long refusedRegistrations;
    private volatile long fileErrors;
    private volatile int skippedFileLines;

    /**
     * @param info        the directory's own name/city/country (entry 0)
     * @param maxClients  the directory's own channel limit (entry 0)
     * @param ownPublicIp --serverpublicip, else {@link NetworkAddresses#outboundAddress()}; used as the client's
     *                    address for hole punching when client and directory share a LAN behind a public IP
     * @param filter      -f
     * @param file        --directoryfile, or null
     */
    public DirectoryService(ServerInfo info, int maxClients, Inet4Address ownPublicIp, ListFilter filter, Path file,
                            RateLimiter limiter, ClmSink sink, long nowMs) {
        this.info = info;
        this.maxClients = maxClients;
        this.ownPublicIp = ownPublicIp;
        this.filter = filter;
        this.file = file;
        this.limiter = limiter;
        this.registrationLimiter = limiter.twin();
        this.sink = sink;
        this.nextExpiryCheckMs = nowMs + EXPIRY_CHECK_MS;
        this.nextKeepAliveMs = nowMs + KEEP_ALIVE_MS;
        load(nowMs);
    }

    /** Receives one line per notable event (registrations, expiry, file problems), on the engine thread. */
    public void onLog(Consumer<String> sink) {
        this.log = sink == null ? s -> { } : sink;
    }

    /**
     * Handles registrations, unregistrations and list requests.
     *
     * @return true when the message was a directory message (the engine need not look at it further)
     */
    @Override
    public boolean onMessage(ConnectionlessMessage message, InetSocketAddress from, long nowMs) {
        switch (message) {
            case RegisterServerEx(ServerRegistration reg, int os, String version) -> register(reg, version, from, nowMs);
            case RegisterServer(ServerRegistration reg) -> register(reg, "", from, nowMs);
            case UnregisterServer() -> {
                if (servers.remove(from) != null) {
                    log.accept("unregistered " + from);
                    changed(nowMs);
                }
            }
            case ReqServerList() -> {
                if (limiter.tryAcquire(from.getAddress(), LIST_COST, nowMs)) {
                    sendList(from);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Runs expiry (every minute), keep-alives (every 59 s) and delayed file writes. */
    @Override
    public void poll(long nowMs) {
        if (nowMs >= nextExpiryCheckMs) {
            nextExpiryCheckMs = nowMs + EXPIRY_CHECK_MS;
            if (servers.values().removeIf(e -> nowMs - e.refreshedMs() > EXPIRY_MS)) {
                log.accept("expired entries removed");
                changed(nowMs);
            }
        }
        if (nowMs >= nextKeepAliveMs) {
            nextKeepAliveMs = nowMs + KEEP_ALIVE_MS;
            for (InetSocketAddress server : servers.keySet()) {
                sink.send(new EmptyMessage(), server);
            }
        }
        if (dirty && nowMs >= saveDueMs) {
            save();
        }
    }

    /** Writes the file (if any). Call at shutdown. */
    public void shutdown() {
        save();
    }

    /** Changes the directory's own entry (JSON-RPC setServerName …). */
    public void updateInfo(ServerInfo newInfo) {
        this.info = newInfo;
    }

    /** The registered servers (without entry 0), in registration order. */
    public List<DirectoryEntry> entries() {
        return snapshot;
    }

    /** Registrations refused by the filter or because the list was full. */
    public long refusedRegistrations() {
        return refusedRegistrations;
    }

    /** Answers dropped by the rate limiter. */
    public long droppedAnswers() {
        return limiter.dropped() + registrationLimiter.dropped();
    }

    /** Lines of the directory file skipped at start-up (malformed, duplicate or IPv6). */
    public int skippedFileLines() {
        return skippedFileLines;
    }

    /** Failed reads/writes of the directory file. */
    public long fileErrors() {
        return fileErrors;
    }

    private void register(ServerRegistration reg, String version, InetSocketAddress from, long nowMs) {
        if (!registrationLimiter.tryAcquire(from.getAddress(), REGISTER_COST, nowMs)) {
            return; // dropped without state change: a flood must not churn the list either
        }
        RegistrationResult refusal = filter.refusal(from.getAddress(), version);
        if (refusal == null && !servers.containsKey(from) && servers.size() + 1 >= MAX_SERVERS) {
            refusal = RegistrationResult.SERVER_LIST_FULL;
        }
        if (refusal != null) {
            refusedRegistrations++;
            log.accept("refused " + from + " (" + reg.name() + "): " + refusal);
            sink.send(new RegisterServerResp(refusal), from);
            return;
        }
        InetAddress internalIp = reg.internalAddress().isEmpty()
                ? InetAddress.getLoopbackAddress() : InetAddress.ofLiteral(reg.internalAddress());
        DirectoryEntry entry = new DirectoryEntry(from, new InetSocketAddress(internalIp, reg.port()),
                new ServerInfo(reg.name(), reg.city(), Countries.isValid(reg.country()) ? reg.country() : 0),
                reg.maxClients(), reg.permanent(), nowMs);
        DirectoryEntry old = servers.put(from, entry);
        if (old == null) {
            log.accept("registered " + from + " (" + reg.name() + ")");
        }
        if (old == null || !sameListing(old, entry)) {
            changed(nowMs);
        } else {
            snapshot = List.copyOf(servers.values()); // refresh time only: no file write needed
        }
        sink.send(new RegisterServerResp(RegistrationResult.REGISTERED), from);
    }

    private void sendList(InetSocketAddress client) {
        InetAddress clientIp = client.getAddress();
        boolean clientPrivate = NetworkAddresses.isPrivate(clientIp);
        // A LAN client of a directory with a public IP shares that IP with the directory: punch holes towards it.
        InetAddress clientPublicIp = clientPrivate && ownPublicIp != null && !NetworkAddresses.isPrivate(ownPublicIp)
                ? ownPublicIp : clientIp;
        List<ServerListEntry> full = new ArrayList<>(servers.size() + 1);
        List<ReducedServerListEntry> reduced = new ArrayList<>(servers.size() + 1);
        full.add(new ServerListEntry(0, 0, info.country(), maxClients, true, info.name(), "", info.city()));
        reduced.add(new ReducedServerListEntry(0, 0, info.name()));
        for (DirectoryEntry e : servers.values()) {
            InetAddress sourceIp = e.source().getAddress();
            boolean serverPrivate = NetworkAddresses.isPrivate(sourceIp);
            // A server asking from its own registered socket is shown the address seen here, so it can tell its
            // host what to give friends (no Jamulus client ever asks from a server's socket; 3.9.1 would list the
            // LAN address, which the server knows already).
            boolean itself = client.equals(e.source());
            boolean useSource = itself || clientPrivate || (!serverPrivate && !clientIp.equals(sourceIp));
            InetSocketAddress listed = useSource ? e.source() : e.internal();
            int ip = listed.getAddress() instanceof Inet4Address v4 ? Ipv4.toInt(v4) : 0;
            full.add(new ServerListEntry(ip, listed.getPort(), e.info().country(), e.maxClients(), e.permanent(),
                    e.info().name(), "", e.info().city()));
            reduced.add(new ReducedServerListEntry(ip, listed.getPort(), e.info().name()));
            if (!itself && !serverPrivate && clientPublicIp instanceof Inet4Address v4) {
                sink.send(new SendEmptyMessage(Ipv4.toInt(v4), client.getPort()), e.source());
            }
        }
        // Reduced first: it survives when the full list is lost to IP fragmentation.
        sink.send(new ReducedServerList(reduced), client);
        sink.send(new ServerList(full), client);
    }

    private static boolean sameListing(DirectoryEntry a, DirectoryEntry b) {
        return a.internal().equals(b.internal()) && a.info().equals(b.info()) && a.maxClients() == b.maxClients()
                && a.permanent() == b.permanent();
    }

    private void changed(long nowMs) {
        snapshot = List.copyOf(servers.values());
        if (!dirty) {
            dirty = true;
            saveDueMs = nowMs + SAVE_DELAY_MS;
        }
    }

    private void load(long nowMs) {
        if (file == null) {
            return;
        }
        try {
            DirectoryFile.Contents contents = DirectoryFile.read(file, nowMs);
            for (DirectoryEntry e : contents.entries()) {
                if (servers.size() + 1 < MAX_SERVERS) {
                    servers.put(e.source(), e);
                }
            }
            skippedFileLines = contents.skippedLines();
        } catch (IOException | RuntimeException e) {
            fileErrors++;
            log.accept("cannot read " + file + ": " + e.getMessage());
        }
        snapshot = List.copyOf(servers.values());
    }

    private void save() {
        dirty = false;
        if (file == null) {
            return;
        }
        try {
            DirectoryFile.write(file, List.copyOf(servers.values()));
        } catch (IOException | RuntimeException e) {
            fileErrors++;
            log.accept("cannot write " + file + ": " + e.getMessage());
        }
    }
}
