package org.tutti.backend.jack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackMidi;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.midi.MidiInput;
import org.tutti.backend.midi.MidiListener;
import org.tutti.backend.midi.MidiRing;

/**
 * A JACK MIDI input port ({@value #PORT}, as Jamulus names its own) on a JACK client of its own, so MIDI works
 * whichever audio backend plays. The process thread copies channel messages into a {@link MidiRing} without locks or
 * allocation; a delivery thread hands them to the listener. Closing ends the process thread the way
 * {@link JackStream} does: the callback returns non-zero and JACK ends the thread itself.
 */
public final class JackMidiInput implements MidiInput {
    public static final String PORT = "input midi";
    private static final long END_TIMEOUT_MS = 2_000;

    private final JackClient client;
    private final JackPort port;
    private final MidiRing ring = new MidiRing();
    private final JackMidi.Event event = new JackMidi.Event();
    private final byte[] bytes = new byte[3];
    private final Thread delivery;
    private final boolean joinable = PosixThread.AVAILABLE;
    private volatile boolean endRequested;
    private volatile boolean processEnded;
    private volatile long endingThread;
    private volatile Thread endWaiter;
    private volatile boolean closed;

    private JackMidiInput(JackClient client, MidiListener listener) throws JackException {
        this.client = client;
        this.port = client.registerPort(PORT, JackPortType.MIDI, JackPortFlags.JackPortIsInput);
        this.delivery = new Thread(() -> deliver(listener), "tutti-midi-jack");
        delivery.setDaemon(true);
        client.setProcessCallback(this::process);
    }

    /** Opens client {@code clientName} on JACK server {@code jackServer} (null: the current one) and activates it. */
    public static JackMidiInput open(String jackServer, String clientName, MidiListener listener)
            throws AudioBackendException {
        JackClient client = JackBackendProvider.connect(JackBackendProvider.jack(), jackServer, clientName, " for MIDI");
        try {
            JackMidiInput input = new JackMidiInput(client, listener);
            client.activate();
            input.delivery.start();
            return input;
        } catch (JackException e) {
            client.close();
            throw new AudioBackendException("JACK refused the MIDI port: " + e.getMessage(), e);
        }
    }

    /** The port's full name, to connect a controller to it ("CLIENT:input midi"). */
    public String portName() {
        return client.getName() + ":" + PORT;
    }

    // JACK's real-time thread: copies three bytes per event into preallocated storage.
    private boolean process(JackClient c, int frames) {
        if (endRequested) {
            endingThread = joinable ? PosixThread.pthread_self() : 0;
            processEnded = true;
            LockSupport.unpark(endWaiter);
            return false;
        }
        try {
            int count = JackMidi.getEventCount(port);
            boolean any = false;
            for (int i = 0; i < count; i++) {
                JackMidi.eventGet(event, port, i);
                int size = event.size();
                if (size < 1 || size > bytes.length) {
                    ring.countDropped(); // SysEx and other long messages: not ours
                    continue;
                }
                event.read(bytes);
                int status = bytes[0] & 0xFF;
                if (status < 0x80 || status >= 0xF0) {
                    continue; // running status or system messages: Jamulus ignores them too
                }
                any |= ring.offer(status, size > 1 ? bytes[1] : 0, size > 2 ? bytes[2] : 0);
            }
            if (any) {
                LockSupport.unpark(delivery);
            }
        } catch (JackException e) {
            ring.countDropped();
        }
        return true;
    }

    private void deliver(MidiListener listener) {
        while (!closed) {
            ring.drainTo(listener);
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public String description() {
        return "JACK MIDI port " + portName();
    }

    @Override
    public long droppedMessages() {
        return ring.dropped();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(delivery);
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(END_TIMEOUT_MS);
        endWaiter = Thread.currentThread();
        endRequested = true;
        long leftNanos;
        while (!processEnded && (leftNanos = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, leftNanos);
        }
        if (!processEnded) {
            client.deactivate(); // no cycle came: the server hangs or is gone
        } else if (endingThread != 0) {
            PosixThread.join(endingThread, END_TIMEOUT_MS);
        }
        client.close();
    }
}
