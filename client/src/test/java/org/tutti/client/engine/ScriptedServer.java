package org.tutti.client.engine;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Frame;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * A hand-driven "server" on a real UDP socket for client protocol tests: it ACKs what the client sends reliably,
 * records the client's audio packet sizes, and lets the test send any message or audio.
 */
final class ScriptedServer implements AutoCloseable {
    private final DatagramSocket socket;
    private SocketAddress client;
    private int counter;
    final List<Integer> audioSizes = new ArrayList<>();

    ScriptedServer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    ScriptedServer(InetAddress address) throws IOException {
        socket = new DatagramSocket(0, address);
        socket.setSoTimeout(200);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Waits for the client's first audio packet (which is how Jamulus servers learn about a client). */
    void awaitClient() throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (client == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no audio from the client");
            }
            receive();
        }
    }

    /** The client's address, once {@link #awaitClient} has seen it. */
    SocketAddress client() {
        return client;
    }

    void send(ConnectedMessage m) throws IOException {
        byte[] frame = MessageCodec.encodeFrame(m, counter);
        counter = (counter + 1) & 0xFF;
        socket.send(new DatagramPacket(frame, frame.length, client));
    }

    void sendRaw(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, client));
    }

    /** Receives one datagram; protocol messages are ACKed (if connected) and returned, audio is recorded. */
    private Message receive() throws IOException {
        byte[] buf = new byte[20000];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        DatagramKind kind = DatagramKind.classify(buf, 0, p.getLength());
        if (kind == DatagramKind.AUDIO) {
            client = p.getSocketAddress();
            audioSizes.add(p.getLength());
            return null;
        }
        try {
            Message m = MessageCodec.decodeFrame(buf, 0, p.getLength());
            if (kind == DatagramKind.CONNECTED && !(m instanceof ConnectedMessage.Ack)) {
                byte[] ack = MessageCodec.encodeFrame(new ConnectedMessage.Ack(m.id()), Frame.counter(buf, 0));
                socket.send(new DatagramPacket(ack, ack.length, p.getSocketAddress()));
            }
            return m;
        } catch (org.tutti.protocol.MalformedMessageException e) {
            throw new AssertionError("client sent a malformed frame", e);
        }
    }

    /** The next message (not ACK) matching {@code test}, skipping others; fails after 5 s. */
    @SuppressWarnings("unchecked")
    <T extends Message> T expect(Class<T> type, Predicate<T> test) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Message m = receive();
            if (type.isInstance(m) && test.test((T) m)) {
                return (T) m;
            }
        }
        throw new AssertionError("the client did not send " + type.getSimpleName());
    }

    <T extends Message> T expect(Class<T> type) throws IOException {
        return expect(type, m -> true);
    }

    /** Collects the messages of the given type that arrive within {@code millis}. */
    <T extends Message> List<T> collect(Class<T> type, long millis) throws IOException {
        List<T> list = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Message m = receive();
            if (type.isInstance(m)) {
                list.add(type.cast(m));
            }
        }
        return list;
    }

    /** Drains datagrams for {@code millis}, ACKing and recording. */
    void pump(long millis) throws IOException {
        collect(Message.class, millis);
    }

    @Override
    public void close() {
        socket.close();
    }
}
