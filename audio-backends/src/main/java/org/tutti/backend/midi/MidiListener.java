package org.tutti.backend.midi;

/**
 * Receives MIDI channel messages (status 0x80–0xEF with up to two data bytes; a missing data byte is 0), on the
 * input's delivery thread, never on an audio thread.
 */
@FunctionalInterface
public interface MidiListener {
    void message(int status, int data1, int data2);
}
