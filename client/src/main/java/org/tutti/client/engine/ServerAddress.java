package org.tutti.client.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A server address as typed by a user: {@code host}, {@code host:port}, {@code 1.2.3.4:port}, {@code [v6]} or
 * {@code [v6]:port}. A bare IPv6 address without brackets is accepted too (it cannot carry a port).
 */
public record ServerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 22124;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no server address given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    public static ServerAddress parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no server address given");
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + text);
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return new ServerAddress(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("unexpected text after ']' in " + text);
            }
            return new ServerAddress(host, parsePort(rest.substring(1), text));
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
            return new ServerAddress(s, DEFAULT_PORT); // bare IPv6 literal
        }
        if (colon >= 0) {
            return new ServerAddress(s.substring(0, colon), parsePort(s.substring(colon + 1), text));
        }
        return new ServerAddress(s, DEFAULT_PORT);
    }

    private static int parsePort(String p, String text) {
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text);
        }
    }

    /** Looks the host up (may block on DNS). */
    public InetSocketAddress resolve() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
