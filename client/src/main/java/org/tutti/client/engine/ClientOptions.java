package org.tutti.client.engine;

import java.util.Objects;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.codec.OpusQuality;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.SkillLevel;

/**
 * How the engine connects and streams. Changed through {@link ClientEngine} commands at run time.
 *
 * @param backend             audio backend to open on connect
 * @param audioClientName     name shown to the audio system (JACK client name)
 * @param audioDevice         device for the backend, null for the default
 * @param bufferFrames        preferred cycle length (the backend may impose its own)
 * @param autoConnect         connect JACK ports to the system ports
 * @param profile             name, instrument, country, city, skill sent as CHANNEL_INFOS
 * @param quality             codec quality
 * @param channelMode         mono, mono-in/stereo-out or stereo
 * @param smallNetworkBuffers use OPUS64 with 64-frame buffers
 * @param muteMyself          stream silence (-M)
 * @param muteMyOwn           set own channel's gain to 0 in the personal mix (--mutemyown)
 * @param localPort           local UDP port, 0 for any
 */
public record ClientOptions(AudioBackendProvider backend, String audioClientName, String audioDevice, int bufferFrames,
                            boolean autoConnect, ChannelInfo profile, OpusQuality quality, ChannelMode channelMode,
                            boolean smallNetworkBuffers, boolean muteMyself, boolean muteMyOwn, int localPort) {
    public ClientOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(channelMode, "channelMode");
    }

    /** Defaults as Jamulus uses them: 128 frames, normal quality, mono, auto-connect. */
    public static ClientOptions defaults(AudioBackendProvider backend, String name) {
        return new ClientOptions(backend, name.isBlank() ? "Tutti" : name, null, 128, true,
                ChannelInfo.truncating(0, 0, SkillLevel.NOT_SET, name, ""), OpusQuality.NORMAL,
                ChannelMode.MONO, true, false, false, 0);
    }

    public ClientOptions withProfile(ChannelInfo p) {
        return new ClientOptions(backend, audioClientName, audioDevice, bufferFrames, autoConnect, p, quality,
                channelMode, smallNetworkBuffers, muteMyself, muteMyOwn, localPort);
    }

    public ClientOptions withAudio(String device, int frames, boolean connect) {
        return new ClientOptions(backend, audioClientName, device, frames, connect, profile, quality, channelMode,
                smallNetworkBuffers, muteMyself, muteMyOwn, localPort);
    }

    public ClientOptions withStream(OpusQuality q, ChannelMode mode, boolean small) {
        return new ClientOptions(backend, audioClientName, audioDevice, bufferFrames, autoConnect, profile, q, mode,
                small, muteMyself, muteMyOwn, localPort);
    }

    public ClientOptions withMutes(boolean myself, boolean myOwn) {
        return new ClientOptions(backend, audioClientName, audioDevice, bufferFrames, autoConnect, profile, quality,
                channelMode, smallNetworkBuffers, myself, myOwn, localPort);
    }
}
