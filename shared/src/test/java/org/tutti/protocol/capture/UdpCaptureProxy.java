package org.tutti.protocol.capture;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A logging UDP proxy on 127.0.0.1 for capturing real Jamulus traffic: a client talks to {@link #port()}, the proxy
 * forwards to the server from its own socket and relays the answers back. Every datagram is recorded with its
 * direction. Test tooling only.
 */
public final class UdpCaptureProxy implements AutoCloseable {
    /** One captured datagram: direction ("c2s"/"s2c"), milliseconds since start, bytes. */
    public record Captured(String direction, long atMs, byte[] bytes) {
    }

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress server;
    private final List<Captured> log = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile SocketAddress client;
    private final Thread frontThread;
    private final Thread backThread;

    public UdpCaptureProxy(int serverPort) throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = new InetSocketAddress(loopback, serverPort);
        this.front = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.back = new DatagramSocket(new InetSocketAddress(loopback, 0));
        frontThread = Thread.ofPlatform().daemon().name("proxy-c2s").start(() -> relay(front, "c2s"));
        backThread = Thread.ofPlatform().daemon().name("proxy-s2c").start(() -> relay(back, "s2c"));
    }

    /** The port clients should connect to. */
    public int port() {
        return front.getLocalPort();
    }

    private void relay(DatagramSocket from, String direction) {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!from.isClosed()) {
            try {
                p.setLength(buf.length);
                from.receive(p);
                byte[] bytes = Arrays.copyOf(p.getData(), p.getLength());
                record(direction, bytes);
                if (from == front) {
                    client = p.getSocketAddress();
                    back.send(new DatagramPacket(bytes, bytes.length, server));
                } else if (client != null) {
                    front.send(new DatagramPacket(bytes, bytes.length, client));
                }
            } catch (IOException e) {
                if (!from.isClosed()) {
                    System.err.println("proxy " + direction + ": " + e);
                }
            }
        }
    }

    /** Adds a datagram seen elsewhere (e.g. the capture tool's own CLM exchange) to the log. */
    public synchronized void record(String direction, byte[] bytes) {
        log.add(new Captured(direction, (System.nanoTime() - startNanos) / 1_000_000, bytes));
    }

    /** A copy of everything captured so far, in arrival order. */
    public synchronized List<Captured> captured() {
        return new ArrayList<>(log);
    }

    @Override
    public void close() throws InterruptedException {
        front.close();
        back.close();
        frontThread.join(1000);
        backThread.join(1000);
    }
}
