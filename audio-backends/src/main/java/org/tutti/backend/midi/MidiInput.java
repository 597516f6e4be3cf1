package org.tutti.backend.midi;

/** An open MIDI input that delivers channel messages to a {@link MidiListener} until it is closed. */
public interface MidiInput extends AutoCloseable {
    /** What it is, for the user ("JACK port tutti MIDI:input midi", "Java Sound: nanoKONTROL2"). */
    String description();

    /** Messages lost: longer than a channel message (SysEx), or arriving faster than the listener takes them. */
    long droppedMessages();

    @Override
    void close();
}
