package org.tutti.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free ports on 127.0.0.1, found by binding port 0 and releasing it. Another process could take the port before the
 * peer binds it, but the kernel hands out ephemeral ports round-robin, so in practice this is safe for tests.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port currently free for UDP on 127.0.0.1. */
    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port currently free for TCP on 127.0.0.1. */
    public static int tcp() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
