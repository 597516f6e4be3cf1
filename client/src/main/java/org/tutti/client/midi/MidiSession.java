package org.tutti.client.midi;

import java.io.IOException;

/**
 * The client's MIDI input over its life: none, or one {@link MidiControl} for the current {@link MidiSetup},
 * replaced when the setup changes (command line, JSON-RPC, settings). Called from control threads, never from audio.
 */
public final class MidiSession implements AutoCloseable {
    private final String jackServer;
    private final String clientName;
    private final MidiTarget target;
    private MidiControl control; // guarded by this
    private MidiSetup setup; // guarded by this

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
     * Switches to {@code next} (null: MIDI off). The old input closes first (the JACK port keeps its name); when the
     * new one cannot be opened MIDI is off and the reason is thrown.
     */
    public synchronized void use(MidiSetup next) throws IOException {
        closeControl();
        setup = null;
        if (next != null) {
            MidiMixer mixer = new MidiMixer(next.pickup()); // used only inside target.mixer: the mixer's thread
            control = MidiControl.open(next, jackServer, clientName, action -> {
                if (action.kind() == MidiAction.Kind.MUTE_MYSELF) {
                    target.muteMyselfFromMidi(action.on());
                } else {
                    target.mixer(m -> mixer.apply(action, m));
                }
            });
            setup = next;
        }
    }

    private void closeControl() {
        if (control != null) {
            control.close();
            control = null;
        }
    }

    /** The setup in use, or null when MIDI is off. */
    public synchronized MidiSetup setup() {
        return setup;
    }

    /** Where the controls come from ("JACK MIDI port Tutti MIDI:input midi"), or empty when MIDI is off. */
    public synchronized String description() {
        return control == null ? "" : control.description();
    }

    @Override
    public synchronized void close() {
        closeControl();
        setup = null;
    }
}
