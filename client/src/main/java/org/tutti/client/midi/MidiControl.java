package org.tutti.client.midi;

import java.io.IOException;
import java.util.Locale;
import javax.sound.midi.MidiUnavailableException;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.jack.JackMidiInput;
import org.tutti.backend.midi.JavaSoundMidiInput;
import org.tutti.backend.midi.MidiInput;
import org.tutti.backend.midi.MidiListener;

/**
 * Opens the MIDI input a setup's device names: a JACK MIDI port when it names none and a JACK server runs (or when
 * it names "jack"), else the Java Sound device whose name contains it.
 */
final class MidiControl {
    private MidiControl() {
    }

    /**
     * @param device      the setup's device ("" = automatic, "jack", or part of a Java Sound device name)
     * @param jackServer  the JACK server the audio uses, or null for the default one
     * @param clientName  the JACK client's name for the MIDI port ("NAME:input midi")
     * @throws IOException with a sentence for the user when no input could be opened
     */
    static MidiInput open(String device, String jackServer, String clientName, MidiListener listener)
            throws IOException {
        String d = device.trim();
        boolean wantJack = d.toLowerCase(Locale.ROOT).equals("jack");
        if (wantJack || d.isEmpty() && new JackBackendProvider().unavailableReason(jackServer).isEmpty()) {
            try {
                return JackMidiInput.open(jackServer, clientName, listener);
            } catch (AudioBackendException e) {
                if (wantJack) {
                    throw new IOException("cannot open the JACK MIDI port: " + e.getMessage(), e);
                }
            }
        }
        try {
            return JavaSoundMidiInput.open(d, listener);
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new IOException("cannot open a MIDI input: " + e.getMessage(), e);
        }
    }
}
