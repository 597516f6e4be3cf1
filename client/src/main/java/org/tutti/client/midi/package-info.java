/**
 * MIDI control of the mixer, as Jamulus's {@code --ctrlmidich} does it: {@link org.tutti.client.midi.MidiSetup} says
 * which controllers move what, {@link org.tutti.client.midi.MidiDecoder} turns messages into actions,
 * {@link org.tutti.client.midi.MidiMixer} applies them on the mixer's thread (with pick-up), and
 * {@link org.tutti.client.midi.MidiSession} opens the input (a JACK MIDI port, or a Java Sound device) and routes it.
 */
package org.tutti.client.midi;
