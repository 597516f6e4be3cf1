package org.tutti.client.engine;

/** Jamulus's audio channel setups. Mono-in/stereo-out travels as stereo with the input mixed to both sides. */
public enum ChannelMode {
    MONO(1), MONO_IN_STEREO_OUT(2), STEREO(2);

    private final int networkChannels;

    ChannelMode(int networkChannels) {
        this.networkChannels = networkChannels;
    }

    /** Channels in the coded stream. */
    public int networkChannels() {
        return networkChannels;
    }
}
