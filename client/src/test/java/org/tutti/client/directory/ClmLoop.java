package org.tutti.client.directory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;
import org.tutti.server.directory.ClmComponent;
import org.tutti.server.directory.ClmSink;

/**
 * Test stand-in for an engine: one UDP socket on 127.0.0.1 and one thread that decodes CLMs, hands them to the
 * hosted components, polls them every few ms and runs commands queued by the test (so each component is used from
 * one thread only, as in the engines).
 */
final class ClmLoop implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final List<ClmComponent> components = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    volatile long malformed;

    ClmLoop() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5);
        thread = Thread.ofPlatform().name("clm-loop-" + port()).daemon().start(this::run);
    }

    static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    int port() {
        return socket.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** Sends through this loop's socket; only for use on the loop thread (by hosted components). */
    ClmSink sink() {
        return (message, to) -> {
            byte[] frame = MessageCodec.encodeFrame(message, 0);
            try {
                socket.send(new DatagramPacket(frame, frame.length, to));
            } catch (IOException e) {
                throw new IllegalStateException("send to " + to + " failed", e);
            }
        };
    }

    void host(ClmComponent component) {
        components.add(component);
    }

    /** Runs {@code action} on the loop thread and returns its result. */
    <T> T call(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    private void run() {
        byte[] buf = new byte[20000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (running) {
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
                dispatch(buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
            } catch (SocketTimeoutException e) {
                // just poll
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
            }
            long now = nowMs();
            for (ClmComponent c : components) {
                c.poll(now);
            }
        }
    }

    private void dispatch(byte[] buf, int len, InetSocketAddress from) {
        if (DatagramKind.classify(buf, 0, len) != DatagramKind.CONNECTIONLESS) {
            return;
        }
        try {
            ConnectionlessMessage m = (ConnectionlessMessage) MessageCodec.decodeFrame(buf, 0, len);
            long now = nowMs();
            for (ClmComponent c : components) {
                if (c.onMessage(m, from, now)) {
                    return;
                }
            }
        } catch (MalformedMessageException e) {
            malformed++;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
        socket.close();
    }
}
