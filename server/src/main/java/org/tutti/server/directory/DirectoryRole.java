package org.tutti.server.directory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.Countries;

/**
 * What a server does about directories, decided from its command line as Jamulus does: nothing (no {@code -e}),
 * register with a directory ({@code -e host[:port]}), or be one ({@code -e localhost}). The engine hosts the one
 * object this returns and needs four calls: {@link #start}, {@link #onMessage}, {@link #poll}, {@link #shutdown}.
 */
public final class DirectoryRole implements ClmComponent {
    private ServerInfo info;
    private final String directoryText;
    private final ServerRegistrar registrar;
    private final DirectoryService directory;
    private final DirectoryAddress address;
    private long nextLookupMs;

    /** How often the directory's name is looked up again (Jamulus does it at each 15-min refresh). */
    static final long LOOKUP_INTERVAL_MS = 5 * 60_000L;

    private DirectoryRole(ServerInfo info, String directoryText, ServerRegistrar registrar, DirectoryService directory,
                          DirectoryAddress address, long nowMs) {
        this.info = info;
        this.directoryText = directoryText;
        this.registrar = registrar;
        this.directory = directory;
        this.address = address;
        this.nextLookupMs = nowMs + LOOKUP_INTERVAL_MS;
    }

    /**
     * Builds the role from {@code -e/--directoryserver} (or its aliases), {@code -o}, {@code --serverpublicip},
     * {@code --directoryfile} and {@code -f}. Resolves the directory's host name, so it may block on DNS: call it at
     * start-up, not on the audio thread.
     *
     * @param ownPort    the server's UDP port (-p)
     * @param maxClients the server's channel limit (-u)
     * @param sink       sends through the server's socket
     * @param nowMs      the engine's monotonic clock
     * @throws UsageException for a malformed directory address or --serverpublicip
     */
    public static DirectoryRole fromOptions(ParsedOptions options, int ownPort, int maxClients, ClmSink sink,
                                            long nowMs) throws UsageException {
        ServerInfo info = ServerInfo.parse(options.value("serverinfo", null),
                Countries.fromIsoCode(Locale.getDefault().getCountry()));
        String text = options.value("directoryserver",
                options.value("directoryaddress", options.value("centralserver", "")));
        return build(info, text, publicIp(options.value("serverpublicip", null)),
                options.value("directoryfile", null), options.value("listfilter", null), ownPort, maxClients, sink,
                nowMs);
    }

    /**
     * The role for a directory chosen in the server window: none for "", else register with {@code host[:port]}
     * (or be a directory for "localhost"), as {@code -e} with the given name/city/country as {@code -o}. May block on
     * DNS: not on the engine thread.
     */
    public static DirectoryRole forDirectory(String directoryText, ServerInfo info, int ownPort, int maxClients,
                                             ClmSink sink, long nowMs) throws UsageException {
        return build(info, directoryText == null ? "" : directoryText.strip(), null, null, null, ownPort, maxClients,
                sink, nowMs);
    }

    private static DirectoryRole build(ServerInfo info, String text, Inet4Address publicIp, String file,
                                       String listFilter, int ownPort, int maxClients, ClmSink sink, long nowMs)
            throws UsageException {
        if (text.isBlank()) {
            return new DirectoryRole(info, "", null, null, null, nowMs);
        }
        DirectoryAddress address;
        try {
            // An old *.jamulus.io name registers with the directory that now has it; directoryText stays as given.
            address = DirectoryAddress.parse(KnownDirectory.migrate(text));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--directoryserver: " + e.getMessage());
        }
        if (DirectoryAddress.namesThisServer(text)) {
            DirectoryService d = new DirectoryService(info, maxClients,
                    publicIp != null ? publicIp : NetworkAddresses.outboundAddress(),
                    ListFilter.parse(listFilter), file == null ? null : Path.of(file),
                    RateLimiter.forDirectory(), sink, nowMs);
            return new DirectoryRole(info, text, null, d, address, nowMs);
        }
        InetSocketAddress resolved = address.resolve(); // null → "bad_address" at start
        String internal = (publicIp != null ? publicIp : NetworkAddresses.outboundAddress()).getHostAddress();
        return new DirectoryRole(info, text,
                new ServerRegistrar(resolved, info, ownPort, maxClients, internal, sink), null, address, nowMs);
    }

    private static Inet4Address publicIp(String text) throws UsageException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (InetAddress.ofLiteral(text.trim()) instanceof Inet4Address v4) {
                return v4;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--serverpublicip needs an IPv4 address, not '" + text + "'");
    }

    /** Starts registering (no-op for a directory or without -e). */
    public void start(long nowMs) {
        if (registrar != null) {
            registrar.start(nowMs);
        }
    }

    @Override
    public boolean onMessage(ConnectionlessMessage message, InetSocketAddress from, long nowMs) {
        if (directory != null) {
            return directory.onMessage(message, from, nowMs);
        }
        return registrar != null && registrar.onMessage(message, from, nowMs);
    }

    @Override
    public void poll(long nowMs) {
        if (directory != null) {
            directory.poll(nowMs);
        }
        if (registrar != null) {
            if (nowMs >= nextLookupMs) {
                nextLookupMs = nowMs + LOOKUP_INTERVAL_MS;
                // DNS may block for seconds: never on the engine thread.
                Thread.ofVirtual().name("directory-lookup").start(() -> registrar.directoryResolved(address.resolve()));
            }
            registrar.poll(nowMs);
        }
    }

    /** Orderly shutdown: unregisters, or writes the directory file. */
    public void shutdown() {
        if (directory != null) {
            directory.shutdown();
        }
        if (registrar != null) {
            registrar.shutdown();
        }
    }

    /** For JSON-RPC {@code registrationStatus}: a directory counts as registered, as in Jamulus. */
    public RegistrationStatus registrationStatus() {
        if (directory != null) {
            return RegistrationStatus.REGISTERED;
        }
        return registrar != null ? registrar.status() : RegistrationStatus.NOT_REGISTERED;
    }

    /** Changes name/city/country (JSON-RPC setServerName …); a registered server re-registers at once. */
    public void updateInfo(ServerInfo newInfo, long nowMs) {
        info = newInfo;
        if (directory != null) {
            directory.updateInfo(newInfo);
        }
        if (registrar != null) {
            registrar.updateInfo(newInfo, nowMs);
        }
    }

    /** The -e text as given ("" without one), for JSON-RPC {@code directoryServer}. */
    public String directoryText() {
        return directoryText;
    }

    /** The server's name/city/country (from -o). */
    public ServerInfo info() {
        return info;
    }

    /** The registrar, or null when not registering. */
    public ServerRegistrar registrar() {
        return registrar;
    }

    /** The directory, or null when not in directory mode. */
    public DirectoryService directory() {
        return directory;
    }
}
