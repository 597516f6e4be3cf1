package org.tutti.client.engine;

import org.tutti.backend.AudioRequest;
import org.tutti.protocol.ChannelInfo;

/**
 * One extra channel of a split (several inputs as separate channels): its name and instrument on the server, and
 * the sound card input(s) that feed it. One input makes a mono stream; a second input makes a stereo one.
 *
 * @param name        the channel's name on the server (CHANNEL_INFOS)
 * @param instrument  Jamulus instrument id
 * @param firstInput  the sound card input, 0-based (0 = "input left", 2 = "input 3")
 * @param secondInput the right side of a stereo pair, or -1 for a mono channel
 */
public record SplitChannel(String name, int instrument, int firstInput, int secondInput) {
    /** Channels one connection may add: the main channel plus three. */
    public static final int MAX_EXTRA = 3;

    public SplitChannel {
        name = name == null ? "" : name;
        if (firstInput < 0 || firstInput >= AudioRequest.MAX_CHANNELS || secondInput < -1
                || secondInput >= AudioRequest.MAX_CHANNELS) {
            throw new IllegalArgumentException("inputs must be 0.." + (AudioRequest.MAX_CHANNELS - 1));
        }
    }

    public boolean stereo() {
        return secondInput >= 0;
    }

    /** The sound card inputs this channel needs opened: highest input used + 1. */
    public int inputsNeeded() {
        return Math.max(firstInput, secondInput) + 1;
    }

    /** This channel's CHANNEL_INFOS: its own name and instrument, the main profile's country, city and skill. */
    public ChannelInfo profile(ChannelInfo main) {
        return ChannelInfo.truncating(main.country(), instrument, main.skillLevel(), name, main.city());
    }

    /** The stream mode: mono for one input, stereo for a pair. */
    ChannelMode mode() {
        return stereo() ? ChannelMode.STEREO : ChannelMode.MONO;
    }
}
