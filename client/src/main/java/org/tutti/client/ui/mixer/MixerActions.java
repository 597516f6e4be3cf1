package org.tutti.client.ui.mixer;

import java.util.Set;
import java.util.function.Consumer;
import org.tutti.client.model.MixerModel;

/**
 * What the mixer board asks for when the user moves a control. The implementation hands the request to the model
 * (which decides the effective gains, solo and mute rules) and later calls {@link MixerBoard#show} with the result.
 */
public interface MixerActions {
    void fader(int channelId, int fader);

    void pan(int channelId, int pan);

    void mute(int channelId, boolean mute);

    void solo(int channelId, boolean solo);

    void group(int channelId, int group);

    /**
     * Solos exactly these musicians (and this client's own channel) in one step, everyone else un-soloed; an empty
     * set ends the private session (no solo at all).
     */
    default void soloGroup(Set<Integer> channelIds) {
    }

    /**
     * A change to the whole board (the Edit menu, a loaded mixer setup), run where the model lives (the engine's
     * thread, or the EDT without an engine); the board is shown again afterwards. Nothing happens without a model.
     */
    default void edit(Consumer<MixerModel> change) {
    }
}
