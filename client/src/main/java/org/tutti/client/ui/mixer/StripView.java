package org.tutti.client.ui.mixer;

import org.tutti.client.model.MixerChannel;
import org.tutti.client.ui.I18n;

/**
 * What one mixer strip shows, copied out of the model so Swing never reads the model's mutable state.
 *
 * @param fader 0..100, {@code pan} 0..100 (50 centre), {@code group} 0 (none) or 1..8, {@code level} 0..9
 */
public record StripView(int channelId, String name, int instrument, int country, String city, int skill, int fader,
                        int pan, boolean mute, boolean solo, int group, boolean mutedByOther, int level, boolean own) {

    public static StripView of(MixerChannel ch, int ownChannelId) {
        return new StripView(ch.channelId(), ch.name() == null ? "" : ch.name(), ch.instrument(), ch.country(),
                ch.city() == null ? "" : ch.city(), ch.skill(), ch.fader(), ch.pan(), ch.mute(), ch.solo(), ch.group(),
                ch.mutedByOther(), ch.level(), ch.channelId() == ownChannelId || ch.ownExtra());
    }

    /** The label under the fader: the name, or the channel number for a musician who has not named themselves. */
    public String label() {
        return name.isBlank() ? I18n.tr("strip.unnamed", channelId) : name;
    }
}
