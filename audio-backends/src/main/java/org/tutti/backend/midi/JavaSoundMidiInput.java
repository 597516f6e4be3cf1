package org.tutti.backend.midi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * A MIDI input device through {@code javax.sound.midi} (ALSA sequencer on Linux, CoreMIDI on macOS, WinMM on
 * Windows): the choice where JACK is not used. Java Sound delivers on its own thread, which is the listener's.
 */
public final class JavaSoundMidiInput implements MidiInput {
    private final MidiDevice device;
    private final Transmitter transmitter;
    private final AtomicLong dropped = new AtomicLong();

    private JavaSoundMidiInput(MidiDevice device, Transmitter transmitter) {
        this.device = device;
        this.transmitter = transmitter;
    }

    /** The names of the devices that can send MIDI to us (their "transmitters"), in Java Sound's order. */
    public static List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (isInput(info)) {
                names.add(info.getName());
            }
        }
        return names;
    }

    private static boolean isInput(MidiDevice.Info info) {
        try {
            MidiDevice d = MidiSystem.getMidiDevice(info);
            return d.getMaxTransmitters() != 0 && !(d instanceof javax.sound.midi.Sequencer);
        } catch (MidiUnavailableException e) {
            return false;
        }
    }

    /**
     * Opens the first input device whose name contains {@code nameContains} (case-insensitive; empty: the first
     * input device there is).
     */
    public static JavaSoundMidiInput open(String nameContains, MidiListener listener) throws MidiUnavailableException {
        String wanted = nameContains == null ? "" : nameContains.toLowerCase(Locale.ROOT);
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (isInput(info) && info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                device.open();
                try {
                    Transmitter t = device.getTransmitter();
                    JavaSoundMidiInput input = new JavaSoundMidiInput(device, t);
                    t.setReceiver(input.receiver(listener));
                    return input;
                } catch (MidiUnavailableException | RuntimeException e) {
                    device.close();
                    throw e;
                }
            }
        }
        throw new MidiUnavailableException(wanted.isEmpty() ? "no MIDI input device found"
                : "no MIDI input device named like '" + nameContains + "'");
    }

    private Receiver receiver(MidiListener listener) {
        return new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m && m.getStatus() >= 0x80 && m.getStatus() < 0xF0) {
                    listener.message(m.getStatus(), m.getData1(), m.getData2());
                } else if (message.getLength() > 3) {
                    dropped.incrementAndGet();
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String description() {
        return "MIDI device " + device.getDeviceInfo().getName();
    }

    @Override
    public long droppedMessages() {
        return dropped.get();
    }

    @Override
    public void close() {
        transmitter.close();
        device.close();
    }
}
