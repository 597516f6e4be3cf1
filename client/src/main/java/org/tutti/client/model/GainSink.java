package org.tutti.client.model;

/** Receives the gains and pans the server must apply to this client's personal mix. */
public interface GainSink {
    /** Gain 0..1 for {@code channelId} (already including mute, solo and fader law). */
    void gain(int channelId, double gain);

    /** Pan 0..1 for {@code channelId}. */
    void pan(int channelId, double pan);
}
