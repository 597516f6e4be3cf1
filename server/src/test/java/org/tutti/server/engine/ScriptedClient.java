package org.tutti.server.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.Ack;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * A hand-driven Jamulus client for protocol tests: a real UDP socket on 127.0.0.1 that ACKs every connected
 * message (unless told not to) and queues decoded messages and audio packets for the test to inspect.
 */
final class ScriptedClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> audio = new LinkedBlockingQueue<>();
    private final AtomicInteger audioPackets = new AtomicInteger();
    private volatile boolean autoAck = true;
    private volatile java.util.function.Consumer<byte[]> audioSink;
    private int counter;
    /** Every chat line received, whether or not a test awaited it (to prove a line never arrived). */
    final List<String> chatLog = new java.util.concurrent.CopyOnWriteArrayList<>();

    ScriptedClient(int serverPort) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        Thread.ofVirtual().name("scripted-client").start(this::receiveLoop);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Hands every received audio packet to {@code sink} (on the receive thread) instead of queueing it. */
    void onAudio(java.util.function.Consumer<byte[]> sink) {
        audioSink = sink;
    }

    void autoAck(boolean on) {
        autoAck = on;
    }

    void sendRaw(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An audio-sized datagram of zeros (the server cannot decode it before props, but it opens a channel). */
    void sendSilentAudio(int bytes) {
        sendRaw(new byte[bytes]);
    }

    void send(ConnectedMessage message) {
        sendRaw(MessageCodec.encodeFrame(message, counter));
        counter = (counter + 1) & 0xFF;
    }

    void sendClm(Message message) {
        sendRaw(MessageCodec.encodeFrame(message, 0));
    }

    /** The next message of {@code type} (others are skipped), or null after {@code timeout}. */
    <T extends Message> T await(Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                Message m = messages.poll(left, TimeUnit.NANOSECONDS);
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** The next message of any type except ACKs, or null after {@code timeout}. */
    Message next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message m = await(Message.class, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (m == null || !(m instanceof Ack)) {
                return m;
            }
        }
    }

    /** The next audio packet, or null after {@code timeout}. */
    byte[] nextAudio(Duration timeout) {
        try {
            return audio.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    int audioPackets() {
        return audioPackets.get();
    }

    void clear() {
        messages.clear();
        audio.clear();
    }

    private void receiveLoop() {
        byte[] buf = new byte[20000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                socket.setSoTimeout(200);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            int len = packet.getLength();
            DatagramKind kind = DatagramKind.classify(buf, 0, len);
            if (kind == DatagramKind.AUDIO) {
                audioPackets.incrementAndGet();
                java.util.function.Consumer<byte[]> sink = audioSink;
                if (sink != null) {
                    sink.accept(Arrays.copyOf(buf, len));
                } else if (audio.size() < 1000) {
                    audio.add(Arrays.copyOf(buf, len));
                }
                continue;
            }
            try {
                Message m = MessageCodec.decodeFrame(buf, 0, len);
                if (kind == DatagramKind.CONNECTED && !(m instanceof Ack) && autoAck) {
                    sendRaw(MessageCodec.encodeFrame(new Ack(m.id()), Frame.counter(buf, 0)));
                }
                if (m instanceof ConnectedMessage.ChatText(String text)) {
                    chatLog.add(text);
                }
                messages.add(m);
            } catch (MalformedMessageException e) {
                // a test would notice the missing message
            } catch (UncheckedIOException e) {
                return; // closed while ACKing
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
