package org.tutti.client.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Consumer;
import org.tutti.net.ConnectedUdpSocket;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Frame;

/**
 * The client's one UDP socket, connected to the server so that only the server's datagrams are received (Jamulus
 * accepts audio only from the exact server address). A receive thread sorts datagrams as Jamulus does: valid
 * protocol frames go to the control thread, everything else is audio and goes into the {@link PacketRing} for the
 * audio thread. Audio is sent from the audio thread through its own preallocated sender; on Linux the socket is a
 * native one (FFM), which spares the audio thread the JDK channel's locks (docs/performance-client.md, issue 23).
 */
final class UdpTransport implements PacketSender, AutoCloseable {
    private final ConnectedUdpSocket socket;
    private final ConnectedUdpSocket.Sender audioOut;
    private final ConnectedUdpSocket.Sender framesOut; // guarded by itself: the control thread and closers send
    private final PacketRing ring;
    private final Consumer<byte[]> protocolFrames;
    private final Runnable audioArrived;
    private final Thread receiver;
    private volatile boolean closed;
    volatile long lastAudioNanos;
    volatile long sendErrors;
    volatile long bytesSent;

    UdpTransport(InetSocketAddress server, int localPort, PacketRing ring, Consumer<byte[]> protocolFrames,
                 Runnable audioArrived) throws IOException {
        this.ring = ring;
        this.protocolFrames = protocolFrames;
        this.audioArrived = audioArrived;
        socket = ConnectedUdpSocket.open(server, localPort);
        audioOut = socket.newSender();
        framesOut = socket.newSender();
        receiver = new Thread(this::receiveLoop, "tutti-client-receive");
        receiver.setDaemon(true);
        receiver.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
    }

    int localPort() {
        return socket.localPort();
    }

    /** "linux-ffm" or "nio". */
    String socketImplementation() {
        return socket.implementation();
    }

    // The loop only calls receiveOne: a loop that runs for the whole connection is compiled only after ~60 000
    // iterations (on-stack replacement, minutes at 375 datagrams/s) and ran interpreted until then; a method called
    // per datagram is compiled within seconds (perf: "Interpreter" was half of this thread's time).
    private void receiveLoop() {
        byte[] bytes = new byte[Frame.MAX_DATAGRAM_BYTES];
        while (!closed && receiveOne(bytes)) {
            // next datagram
        }
    }

    /** Receives and sorts one datagram; false once the socket is closed. */
    private boolean receiveOne(byte[] bytes) {
        try {
            int n = socket.receive(bytes);
            if (n < 0) {
                return false;
            }
            if (n == 0) {
                return true; // e.g. the server is not (yet) listening; the 30 s silence rule decides
            }
            if (DatagramKind.classify(bytes, 0, n) == DatagramKind.AUDIO) {
                lastAudioNanos = System.nanoTime();
                ring.offer(bytes, 0, n);
                audioArrived.run();
            } else {
                protocolFrames.accept(Arrays.copyOf(bytes, n));
            }
            return true;
        } catch (RuntimeException e) {
            return !closed;
        }
    }

    /** Audio thread: sends one packet without allocating. */
    @Override
    public void send(byte[] data, int length) {
        if (audioOut.send(data, 0, length)) {
            bytesSent += length;
        } else {
            sendErrors++;
        }
    }

    /** Control thread: sends a protocol frame. */
    void sendFrame(byte[] frame, int offset, int length) {
        synchronized (framesOut) {
            if (!framesOut.send(frame, offset, length)) {
                sendErrors++;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
