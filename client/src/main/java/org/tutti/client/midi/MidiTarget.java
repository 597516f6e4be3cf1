package org.tutti.client.midi;

import java.util.function.Consumer;
import org.tutti.client.model.MixerModel;

/** What MIDI moves: the mixer, changed on its owning thread, and "mute myself". Called on the MIDI input's thread. */
public interface MidiTarget {
    /** Runs {@code change} on the mixer's owning thread, then sends the gains and shows the strips as usual. */
    void mixer(Consumer<MixerModel> change);

    void muteMyselfFromMidi(boolean muted);
}
