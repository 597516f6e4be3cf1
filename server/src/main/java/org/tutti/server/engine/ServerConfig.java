package org.tutti.server.engine;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Everything the server engine needs to know at start, in Jamulus's terms (protocol doc §10.2).
 *
 * @param bindAddress      local address of the UDP socket ({@code --serverbindip}); null = any
 * @param port             UDP port ({@code -p}), 0 = any free port
 * @param maxClients       1..150 ({@code -u})
 * @param fastUpdate       64-sample server frames instead of 128 ({@code -F})
 * @param multithreading   spread decode/mix/encode over the cores ({@code -T})
 * @param delayPan         pan by inter-channel delay ({@code -P})
 * @param welcomeMessage   HTML welcome text without the prefix, or "" for none ({@code -w})
 * @param licenceRequired  clients must accept a licence ({@code -L})
 * @param serverName       ≤ 20 characters ({@code -o})
 * @param serverCity       ≤ 20 characters ({@code -o})
 * @param serverCountry    Qt5 country code ({@code -o})
 * @param qosTos           IP TOS byte ({@code -Q})
 * @param disconnectOnQuit send CLM_DISCONNECTION to every client on shutdown ({@code -d})
 * @param logFile          connection log ({@code -l}), or null
 * @param htmlStatusFile   HTML list of musicians ({@code -m}), or null
 * @param enableIpv6       accept IPv6 clients too, on a dual-stack socket ({@code -6}); else IPv4 only
 */
public record ServerConfig(InetAddress bindAddress, int port, int maxClients, boolean fastUpdate,
                           boolean multithreading, boolean delayPan, String welcomeMessage, boolean licenceRequired,
                           String serverName, String serverCity, int serverCountry, int qosTos,
                           boolean disconnectOnQuit, Path logFile, Path htmlStatusFile, boolean enableIpv6) {
    public static final int DEFAULT_PORT = 22124;
    public static final int DEFAULT_MAX_CLIENTS = 10;
    public static final int MAX_CLIENTS_LIMIT = 150;
    public static final int DEFAULT_TOS = 128;

    public ServerConfig {
        if (maxClients < 1 || maxClients > MAX_CLIENTS_LIMIT) {
            throw new IllegalArgumentException("maxClients must be 1..150: " + maxClients);
        }
        welcomeMessage = welcomeMessage == null ? "" : welcomeMessage;
        serverName = serverName == null ? "" : serverName;
        serverCity = serverCity == null ? "" : serverCity;
    }

    /** Everything but {@code -6}: an IPv4-only server (kept for callers written before {@code -6} existed). */
    public ServerConfig(InetAddress bindAddress, int port, int maxClients, boolean fastUpdate, boolean multithreading,
                        boolean delayPan, String welcomeMessage, boolean licenceRequired, String serverName,
                        String serverCity, int serverCountry, int qosTos, boolean disconnectOnQuit, Path logFile,
                        Path htmlStatusFile) {
        this(bindAddress, port, maxClients, fastUpdate, multithreading, delayPan, welcomeMessage, licenceRequired,
                serverName, serverCity, serverCountry, qosTos, disconnectOnQuit, logFile, htmlStatusFile, false);
    }

    /** A config for tests and embedding: loopback-any, given port and size, every option at its default. */
    public static ServerConfig defaults(int port, int maxClients) {
        return new ServerConfig(null, port, maxClients, false, false, false, "", false, "", "", 0, DEFAULT_TOS,
                false, null, null, false);
    }

    /** Samples per server tick: 64 with {@code -F}, else 128. */
    public int frameSamples() {
        return fastUpdate ? 64 : 128;
    }

    public ServerConfig withWelcomeMessage(String text) {
        return new ServerConfig(bindAddress, port, maxClients, fastUpdate, multithreading, delayPan, text,
                licenceRequired, serverName, serverCity, serverCountry, qosTos, disconnectOnQuit, logFile,
                htmlStatusFile, enableIpv6);
    }
}
