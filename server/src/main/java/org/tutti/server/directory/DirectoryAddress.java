package org.tutti.server.directory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A directory given as {@code host[:port]} (the {@code -e} option; default port 22124). Whether the text makes this
 * server a directory itself is decided on the text, see {@link #namesThisServer(String)}.
 */
public record DirectoryAddress(String host, int port) {
    public static final int DEFAULT_PORT = 22124;

    public DirectoryAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("directory host must not be empty");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("directory port not 1..65535: " + port);
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]:port}.
     *
     * @throws IllegalArgumentException for an empty host or a bad port
     */
    public static DirectoryAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + text);
            }
            String rest = t.substring(close + 1);
            return new DirectoryAddress(t.substring(1, close), rest.startsWith(":") ? port(rest.substring(1)) : DEFAULT_PORT);
        }
        int colon = t.lastIndexOf(':');
        if (colon >= 0 && t.indexOf(':') == colon) {
            return new DirectoryAddress(t.substring(0, colon), port(t.substring(colon + 1)));
        }
        return new DirectoryAddress(t, DEFAULT_PORT);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad directory port: " + text);
        }
    }

    /**
     * True when {@code -e text} makes the server a directory itself. Jamulus 3.9.1 compares the whole text: exactly
     * "localhost" (any case) or "127.0.0.1", without a port; "127.0.0.1:22124" registers with a directory that
     * runs on this machine.
     */
    public static boolean namesThisServer(String text) {
        String t = text == null ? "" : text.strip();
        return t.equalsIgnoreCase("localhost") || t.equals("127.0.0.1");
    }

    /**
     * Resolves the host to an IPv4 socket address (directories speak IPv4 only). May block on DNS: call it off the
     * audio path. Returns null when the name does not resolve to an IPv4 address.
     */
    public InetSocketAddress resolve() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address) {
                    return new InetSocketAddress(a, port);
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
