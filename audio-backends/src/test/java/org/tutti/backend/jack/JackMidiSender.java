package org.tutti.backend.jack;

import java.util.EnumSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackMidi;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * A test MIDI controller on a JACK server: a client with one MIDI output port ("NAME:output midi") that sends the
 * messages given to {@link #send} in its next cycles. Test tooling, so the process callback may allocate.
 */
public final class JackMidiSender implements AutoCloseable {
    private final JackClient client;
    private final JackPort port;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean ending;
    private volatile boolean ended;
    private volatile long endingThread;
    private final boolean joinable = PosixThread.AVAILABLE; // loads libc here, not on the process thread

    private JackMidiSender(JackClient client) throws JackException {
        this.client = client;
        this.port = client.registerPort("output midi", JackPortType.MIDI, JackPortFlags.JackPortIsOutput);
        client.setProcessCallback((c, frames) -> {
            if (ending) {
                endingThread = joinable ? PosixThread.pthread_self() : 0;
                ended = true;
                return false; // JACK ends the thread itself (see JackStream)
            }
            try {
                JackMidi.clearBuffer(port);
                byte[] m;
                int time = 0;
                while ((m = queue.poll()) != null && time < frames) {
                    JackMidi.eventWrite(port, time++, m, m.length);
                }
            } catch (JackException e) {
                return true;
            }
            return true;
        });
    }

    public static JackMidiSender open(String jackServer, String name) throws JackException {
        JackServerSelector.select(jackServer);
        JackClient c = Jack.getInstance().openClient(name, EnumSet.of(JackOptions.JackNoStartServer),
                EnumSet.noneOf(JackStatus.class));
        JackMidiSender s = new JackMidiSender(c);
        c.activate();
        return s;
    }

    /** The output port's full name. */
    public String portName() {
        return client.getName() + ":output midi";
    }

    /** A control change: controller {@code cc} to {@code value} on MIDI channel {@code channel} (1-16). */
    public void controlChange(int channel, int cc, int value) {
        send((byte) (0xB0 | (channel - 1)), (byte) cc, (byte) value);
    }

    public void send(byte... message) {
        queue.add(message.clone());
    }

    @Override
    public void close() {
        ending = true;
        long end = System.nanoTime() + 2_000_000_000L;
        while (!ended && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        // As JackStream: closing while JACK is still ending the process thread can hang in jack_client_close.
        if (!ended) {
            client.deactivate();
        } else if (endingThread != 0) {
            PosixThread.join(endingThread, 2_000);
        }
        client.close();
    }
}
