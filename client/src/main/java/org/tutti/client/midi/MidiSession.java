package org.tutti.client.midi;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.tutti.backend.midi.MidiInput;
import org.tutti.backend.midi.MidiListener;

/**
 * The client's MIDI control over its life: off, or one open input with the current {@link MidiSetup}'s mapping. A
 * new mapping on the same device keeps the input open (a controller wired to the JACK port stays wired); a new
 * device reopens it. Setups change from control threads (command line, JSON-RPC, settings), never from audio; the
 * input's thread reads the mapping through one volatile reference.
 */
public final class MidiSession implements AutoCloseable {
    /** A mapping and the mixer state it drives; replaced whole. */
    private record Route(MidiSetup setup, MidiDecoder decoder, MidiMixer mixer) {
    }

    private final String jackServer;
    private final String clientName;
    private final MidiTarget target;
    private final AtomicLong failed = new AtomicLong();
    private MidiInput input; // guarded by this
    private volatile Route route;
    private volatile MidiListener watcher;

    /**
     * @param jackServer the JACK server the audio uses (null: the default one)
     * @param clientName the JACK client name of the MIDI port
     * @param target     what the controls move
     */
    public MidiSession(String jackServer, String clientName, MidiTarget target) {
        this.jackServer = jackServer;
        this.clientName = clientName;
        this.target = target;
    }

    /**
     * Switches to {@code next} (null: MIDI off). When the device changes the old input closes first (the JACK port
     * keeps its name); when the new one cannot be opened MIDI is off and the reason is thrown.
     */
    public synchronized void use(MidiSetup next) throws IOException {
        Route current = route;
        if (next == null || current == null || !current.setup().device().equals(next.device())) {
            route = null;
            closeInput();
        }
        if (next == null) {
            return;
        }
        // Pick-up state belongs to a mapping: a new mapping starts with every strip to be picked up again.
        Route nextRoute = new Route(next, new MidiDecoder(next), new MidiMixer(next.pickup()));
        if (input == null) {
            input = MidiControl.open(next.device(), jackServer, clientName, this::message);
        }
        route = nextRoute;
    }

    // The input's thread.
    private void message(int status, int data1, int data2) {
        MidiListener w = watcher;
        if (w != null) {
            w.message(status, data1, data2);
        }
        Route r = route;
        MidiAction action = r == null ? null : r.decoder().decode(status, data1, data2);
        if (action == null) {
            return;
        }
        try {
            if (action.kind() == MidiAction.Kind.MUTE_MYSELF) {
                target.muteMyselfFromMidi(action.on());
            } else {
                MidiMixer mixer = r.mixer(); // used only inside target.mixer: the mixer's thread
                target.mixer(m -> mixer.apply(action, m));
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet(); // the input's thread must live on: one bad action is dropped
        }
    }

    private void closeInput() {
        if (input != null) {
            input.close();
            input = null;
        }
    }

    /**
     * Also hands every incoming message to {@code listener} (null: no one), on the input's thread, before the
     * mapping: what the settings' "learn" buttons listen to.
     */
    public void watch(MidiListener listener) {
        watcher = listener;
    }

    /** The setup in use, or null when MIDI is off. */
    public MidiSetup setup() {
        Route r = route;
        return r == null ? null : r.setup();
    }

    /** Where the controls come from ("JACK MIDI port Tutti MIDI:input midi"), or empty when MIDI is off. */
    public synchronized String description() {
        return input == null ? "" : input.description();
    }

    /** Messages lost: too long, too many, or an action that failed. */
    public synchronized long droppedMessages() {
        return failed.get() + (input == null ? 0 : input.droppedMessages());
    }

    @Override
    public synchronized void close() {
        route = null;
        closeInput();
    }
}
