package org.tutti.client.midi;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.midi.MidiUnavailableException;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.jack.JackMidiInput;
import org.tutti.backend.midi.JavaSoundMidiInput;
import org.tutti.backend.midi.MidiInput;
import org.tutti.backend.midi.MidiListener;

/**
 * An open MIDI input wired to the mixer: messages are decoded for a {@link MidiSetup} and the actions handed to a
 * sink that runs them on the mixer's thread. The input is a JACK MIDI port when the setup names no device and a JACK
 * server runs (or when it names "jack"), else the Java Sound device whose name contains the setup's device.
 */
public final class MidiControl implements AutoCloseable {
    private final MidiSetup setup;
    private final MidiInput input;
    private final AtomicLong failed;

    private MidiControl(MidiSetup setup, MidiInput input, AtomicLong failed) {
        this.setup = setup;
        this.input = input;
        this.failed = failed;
    }

    /**
     * Opens the input for {@code setup}.
     *
     * @param jackServer  the JACK server the audio uses, or null for the default one
     * @param clientName  the JACK client's name for the MIDI port ("NAME:input midi")
     * @param sink        receives each action on the input's thread; it hands it on to the mixer's owner
     * @throws IOException with a sentence for the user when no input could be opened
     */
    public static MidiControl open(MidiSetup setup, String jackServer, String clientName, Consumer<MidiAction> sink)
            throws IOException {
        MidiDecoder decoder = new MidiDecoder(setup);
        AtomicLong failed = new AtomicLong();
        MidiListener listener = (status, d1, d2) -> {
            MidiAction a = decoder.decode(status, d1, d2);
            if (a != null) {
                try {
                    sink.accept(a);
                } catch (RuntimeException e) {
                    failed.incrementAndGet(); // the input's thread must live on: one bad action is dropped
                }
            }
        };
        String device = setup.device().trim();
        boolean wantJack = device.toLowerCase(Locale.ROOT).equals("jack");
        if (wantJack || device.isEmpty() && new JackBackendProvider().unavailableReason(jackServer).isEmpty()) {
            try {
                return new MidiControl(setup, JackMidiInput.open(jackServer, clientName, listener), failed);
            } catch (AudioBackendException e) {
                if (wantJack) {
                    throw new IOException("cannot open the JACK MIDI port: " + e.getMessage(), e);
                }
            }
        }
        try {
            return new MidiControl(setup, JavaSoundMidiInput.open(device, listener), failed);
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new IOException("cannot open a MIDI input: " + e.getMessage(), e);
        }
    }

    public MidiSetup setup() {
        return setup;
    }

    /** Where the controls come from, for the user. */
    public String description() {
        return input.description();
    }

    /** Messages lost: too long, too many, or an action that failed. */
    public long droppedMessages() {
        return input.droppedMessages() + failed.get();
    }

    @Override
    public void close() {
        input.close();
    }
}
