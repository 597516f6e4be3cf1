package org.tutti.server.directory;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.tutti.Version;
import org.tutti.protocol.ConnectionlessMessage.EmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerEx;
import org.tutti.protocol.ConnectionlessMessage.ReducedServerList;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerResp;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.SendEmptyMessage;
import org.tutti.protocol.ConnectionlessMessage.UnregisterServer;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.Ipv4;
import org.tutti.protocol.OperatingSystem;
import org.tutti.protocol.ServerRegistration;

/**
 * Keeps a server registered with a directory (protocol doc §7.2): CLM_REGISTER_SERVER_EX, up to 5 attempts 500 ms
 * apart, then "time_out"; re-registration every 15 min; CLM_EMPTY_MESSAGE to the directory every 59 s; the permanent
 * flag after 48 h; CLM_UNREGISTER_SERVER on {@link #shutdown}. A directory name that does not resolve gives
 * "bad_address" until {@link #directoryResolved} delivers an address (Jamulus re-resolves at every refresh, so a
 * directory with a dynamic IP is followed; here the DNS lookup runs off the engine thread). Socket-agnostic and clock-driven: the engine feeds it
 * received CLMs and calls {@link #poll} often (every ≤ 100 ms); all calls come from the engine's one thread.
 * {@link #status()} may be read from any thread.
 */
public final class ServerRegistrar implements ClmComponent {
    static final long RESPONSE_WAIT_MS = 500;
    static final int MAX_ATTEMPTS = 5;
    static final long REFRESH_MS = 15 * 60_000L;
    static final long KEEP_ALIVE_MS = 59_000;
    static final long PERMANENT_AFTER_MS = 48 * 3_600_000L;

    private final AtomicReference<InetSocketAddress> resolved = new AtomicReference<>();
    private InetSocketAddress directory;
    private final ClmSink sink;
    private final int ownPort;
    private final int maxClients;
    private final String internalAddress;
    private final int os;
    private final String version;
    private volatile Consumer<RegistrationStatus> statusListener = s -> { };
    /** This server's address as the directory lists it, when that is a public address; else null. */
    private volatile InetSocketAddress seenByDirectory;
    /** False once the directory showed us our own LAN address (a Jamulus directory): the list is not asked again. */
    private boolean listMayTellAddress = true;

    private ServerInfo info;
    private volatile RegistrationStatus status = RegistrationStatus.NOT_REGISTERED;
    private boolean active;
    private boolean permanent;
    private int attempts;
    private long responseDeadlineMs;
    private long nextRefreshMs;
    private long nextKeepAliveMs;
    private long permanentAtMs;
    private long ignoredSendEmpty;

    /**
     * @param directory       the resolved directory address, or null when the name did not resolve ("bad_address")
     * @param info            name, city, country
     * @param ownPort         this server's UDP port (the registration's port field)
     * @param maxClients      the channel limit (-u)
     * @param internalAddress dotted IPv4 text: --serverpublicip, else {@link NetworkAddresses#outboundAddress()}
     * @param sink            where CLMs go (the server's one socket)
     */
    public ServerRegistrar(InetSocketAddress directory, ServerInfo info, int ownPort, int maxClients,
                           String internalAddress, ClmSink sink) {
        this.directory = directory;
        this.info = info;
        this.ownPort = ownPort;
        this.maxClients = maxClients;
        this.internalAddress = internalAddress;
        this.sink = sink;
        this.os = currentOs().code();
        this.version = Version.version();
        // Fail now rather than at the first send.
        registration();
    }

    /** Called with every status change, on the engine thread (for logging / JSON-RPC notifications). */
    public void onStatusChange(Consumer<RegistrationStatus> listener) {
        this.statusListener = listener == null ? s -> { } : listener;
    }

    /** Sends the first registration. */
    public void start(long nowMs) {
        if (active) {
            return;
        }
        active = true;
        permanent = false;
        permanentAtMs = nowMs + PERMANENT_AFTER_MS;
        nextKeepAliveMs = nowMs + KEEP_ALIVE_MS;
        register(nowMs);
    }

    /** Runs the timers: retries, time-out, refresh, keep-alive, permanent flag. */
    @Override
    public void poll(long nowMs) {
        if (!active) {
            return;
        }
        InetSocketAddress fresh = resolved.getAndSet(null);
        if (fresh != null && !fresh.equals(directory)) {
            directory = fresh; // used from the next (re-)registration on, or now when we had none
            if (status == RegistrationStatus.BAD_ADDRESS) {
                register(nowMs);
            }
        }
        if (status == RegistrationStatus.REQUESTED && nowMs >= responseDeadlineMs) {
            if (attempts >= MAX_ATTEMPTS) {
                setStatus(RegistrationStatus.TIME_OUT);
            } else {
                sendRegistration(nowMs);
            }
        }
        if (!permanent && nowMs >= permanentAtMs) {
            permanent = true; // sent with the next (re-)registration, as Jamulus does
        }
        if (nowMs >= nextRefreshMs) {
            register(nowMs);
        }
        if (nowMs >= nextKeepAliveMs && directory != null) {
            sink.send(new EmptyMessage(), directory);
            nextKeepAliveMs = nowMs + KEEP_ALIVE_MS;
        }
    }

    /**
     * Handles a CLM meant for the registrar: the directory's answer, and its hole-punch requests. Answers and
     * requests from any other IP are ignored (3.9.1 obeys CLM_SEND_EMPTY_MESSAGE from anyone, which lets strangers
     * use a server as a reflector).
     *
     * @return true when the message was for the registrar (the engine need not look at it further)
     */
    @Override
    public boolean onMessage(ConnectionlessMessage message, InetSocketAddress from, long nowMs) {
        switch (message) {
            case RegisterServerResp(var result) -> {
                if (active && fromDirectory(from)) {
                    attempts = 0;
                    setStatus(RegistrationStatus.of(result)); // a late answer still counts
                    if (status == RegistrationStatus.REGISTERED && listMayTellAddress) {
                        sink.send(new ReqServerList(), directory); // to learn how the directory sees us
                    }
                }
                return true;
            }
            case ServerList(var servers) -> {
                if (active && fromDirectory(from)) {
                    seenByDirectory = OwnListing.find(servers, registration(), internalAddress).orElse(null);
                    // A Jamulus directory: asking at every refresh would only make it ask every listed server to
                    // punch a hole towards us, for nothing.
                    listMayTellAddress = !OwnListing.showsInternalAddress(servers, registration(), internalAddress);
                }
                return true;
            }
            case ReducedServerList(var servers) -> {
                return true; // the full list follows; only it carries city and country to recognise our entry
            }
            case SendEmptyMessage(int ipv4, int port) -> {
                if (active && fromDirectory(from) && port != 0) {
                    sink.send(new EmptyMessage(), new InetSocketAddress(Ipv4.toAddress(ipv4), port));
                } else {
                    ignoredSendEmpty++;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Changes name/city/country; re-registers at once when active (as a JSON-RPC setServerName does). */
    public void updateInfo(ServerInfo newInfo, long nowMs) {
        if (newInfo.equals(info)) {
            return;
        }
        info = newInfo;
        if (active) {
            register(nowMs);
        }
    }

    /**
     * Registers again at once (the external address changed: the directory keys entries on the sender's address, so
     * the old entry would linger and the new one wait up to 15 min).
     */
    public void reRegister(long nowMs) {
        if (active) {
            register(nowMs);
        }
    }

    /**
     * This server's public address and port as the directory lists them, or null when unknown. Only a directory that
     * lists a server its own entry as seen from outside gives one: a Tutti directory does; a Jamulus 3.9.1 directory
     * lists the server's LAN address to a request from the server's own IP (doc §7.3), so it never does.
     */
    public InetSocketAddress seenByDirectory() {
        return seenByDirectory;
    }

    /** Sends CLM_UNREGISTER_SERVER (orderly shutdown) and stops all timers. */
    public void shutdown() {
        if (!active) {
            return;
        }
        active = false;
        permanent = false;
        seenByDirectory = null;
        if (directory != null) {
            sink.send(new UnregisterServer(), directory);
        }
        setStatus(RegistrationStatus.NOT_REGISTERED);
    }

    public RegistrationStatus status() {
        return status;
    }

    /** CLM_SEND_EMPTY_MESSAGE requests ignored because they did not come from our directory. */
    public long ignoredSendEmptyRequests() {
        return ignoredSendEmpty;
    }

    /** The registration body as it would be sent now. */
    public ServerRegistration registration() {
        return ServerRegistration.truncating(ownPort, info.country(), maxClients, permanent, info.name(),
                internalAddress, info.city());
    }

    /**
     * A fresh DNS answer for the directory's name; may be called from any thread (the lookup blocks, so it runs
     * elsewhere). Null (lookup failed) keeps the last good address.
     */
    public void directoryResolved(InetSocketAddress address) {
        if (address != null) {
            resolved.set(address);
        }
    }

    private void register(long nowMs) {
        attempts = 0;
        nextRefreshMs = nowMs + REFRESH_MS;
        if (directory == null) {
            setStatus(RegistrationStatus.BAD_ADDRESS);
            return;
        }
        sendRegistration(nowMs);
    }

    private void sendRegistration(long nowMs) {
        attempts++;
        responseDeadlineMs = nowMs + RESPONSE_WAIT_MS;
        setStatus(RegistrationStatus.REQUESTED);
        sink.send(new RegisterServerEx(registration(), os, version), directory);
    }

    private boolean fromDirectory(InetSocketAddress from) {
        // The IP must match; the port may differ when the directory sits behind a NAT that rewrites it.
        return directory != null && from.getAddress().equals(directory.getAddress());
    }

    private void setStatus(RegistrationStatus newStatus) {
        if (status != newStatus) {
            status = newStatus;
            statusListener.accept(newStatus);
        }
    }

    private static OperatingSystem currentOs() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return OperatingSystem.WINDOWS;
        }
        if (name.contains("mac")) {
            return OperatingSystem.MACOS;
        }
        return OperatingSystem.LINUX; // what 3.9.1 reports for every other Unix
    }
}
