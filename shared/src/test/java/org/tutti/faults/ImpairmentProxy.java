package org.tutti.faults;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tutti.protocol.DatagramKind;

/**
 * A seeded, in-process UDP impairment proxy on 127.0.0.1: clients send to {@link #port()}, each client gets its own
 * upstream socket to the server (so the server sees one source per client), and both directions pass through
 * {@link Impairment}s that can be changed at run time. Decisions come from one seeded {@link Random} per direction
 * (delivery timing still depends on the scheduler, so runs are statistically, not bit-for-bit, repeatable).
 */
public final class ImpairmentProxy implements AutoCloseable {
    private final DatagramSocket front;
    private final InetSocketAddress server;
    private final Map<SocketAddress, DatagramSocket> upstreams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "impairment-send");
        t.setDaemon(true);
        return t;
    });
    private final Direction toServer;
    private final Direction toClient;
    private volatile boolean closed;

    /** Counters of one direction. */
    public static final class Stats {
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong dropped = new AtomicLong();
        public final AtomicLong reordered = new AtomicLong();
        public final AtomicLong duplicated = new AtomicLong();
        /** Audio datagrams (not protocol frames) received, and their UDP payload bytes: what the stream costs. */
        public final AtomicLong audioPackets = new AtomicLong();
        public final AtomicLong audioBytes = new AtomicLong();

        @Override
        public String toString() {
            return "received " + received + ", dropped " + dropped + ", reordered " + reordered + ", duplicated "
                    + duplicated;
        }
    }

    private static final class Direction {
        final Random random;
        final Stats stats = new Stats();
        volatile Impairment impairment;
        int burstLeft; // touched only by this direction's receive thread(s) under the lock below

        Direction(long seed, Impairment impairment) {
            this.random = new Random(seed);
            this.impairment = impairment;
        }
    }

    public ImpairmentProxy(int serverPort, Impairment impairment, long seed) throws SocketException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.front = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.toServer = new Direction(seed, impairment);
        this.toClient = new Direction(seed * 31 + 7, impairment);
        Thread.ofPlatform().daemon().name("impairment-front").start(this::frontLoop);
    }

    public int port() {
        return front.getLocalPort();
    }

    /** Changes both directions' impairment from now on. */
    public void set(Impairment impairment) {
        toServer.impairment = impairment;
        toClient.impairment = impairment;
    }

    public Stats toServer() {
        return toServer.stats;
    }

    public Stats toClient() {
        return toClient.stats;
    }

    private void frontLoop() {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                p.setLength(buf.length);
                front.receive(p);
                SocketAddress client = p.getSocketAddress();
                DatagramSocket up = upstreams.computeIfAbsent(client, this::openUpstream);
                forward(toServer, Arrays.copyOf(p.getData(), p.getLength()), up, server);
            } catch (IOException e) {
                // closed, or one bad send: keep going until closed
            }
        }
    }

    private DatagramSocket openUpstream(SocketAddress client) {
        try {
            DatagramSocket up = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread.ofPlatform().daemon().name("impairment-up").start(() -> upstreamLoop(up, client));
            return up;
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private void upstreamLoop(DatagramSocket up, SocketAddress client) {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                p.setLength(buf.length);
                up.receive(p);
                forward(toClient, Arrays.copyOf(p.getData(), p.getLength()), front, client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void forward(Direction d, byte[] datagram, DatagramSocket via, SocketAddress to) {
        Impairment im = d.impairment;
        long delayUs;
        boolean duplicate;
        synchronized (d) {
            d.stats.received.incrementAndGet();
            if (DatagramKind.classify(datagram, 0, datagram.length) == DatagramKind.AUDIO) {
                d.stats.audioPackets.incrementAndGet();
                d.stats.audioBytes.addAndGet(datagram.length);
            }
            if (d.burstLeft > 0) {
                d.burstLeft--;
                d.stats.dropped.incrementAndGet();
                return;
            }
            if (d.random.nextDouble() < im.burstStartRate()) {
                d.burstLeft = Math.max(0, im.burstLength() - 1);
                d.stats.dropped.incrementAndGet();
                return;
            }
            if (d.random.nextDouble() < im.lossRate()) {
                d.stats.dropped.incrementAndGet();
                return;
            }
            delayUs = im.jitterMs() == 0 ? 0 : d.random.nextLong(im.jitterMs() * 1000L + 1);
            if (d.random.nextDouble() < im.reorderRate()) {
                delayUs += im.reorderDelayMs() * 1000L;
                d.stats.reordered.incrementAndGet();
            }
            duplicate = d.random.nextDouble() < im.duplicateRate();
            if (duplicate) {
                d.stats.duplicated.incrementAndGet();
            }
        }
        Runnable send = () -> send(via, datagram, to);
        if (delayUs == 0) {
            send.run();
        } else {
            sender.schedule(send, delayUs, TimeUnit.MICROSECONDS);
        }
        if (duplicate) {
            sender.schedule(send, delayUs + 500, TimeUnit.MICROSECONDS);
        }
    }

    private static void send(DatagramSocket via, byte[] datagram, SocketAddress to) {
        try {
            via.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            // socket closed during shutdown
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        front.close();
        upstreams.values().forEach(DatagramSocket::close);
    }
}
