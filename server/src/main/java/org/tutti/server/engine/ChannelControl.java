package org.tutti.server.engine;

import java.util.Arrays;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.NetworkTransportProps;

/**
 * A channel's control state: what the client told the server over the protocol (profile, stream format, jitter
 * buffer request) and its personal mix settings (gains and pans of every channel in its mix).
 *
 * <p><b>One writer:</b> the engine thread, in {@link ProtocolHandler} and at connect ({@link ClientChannel#open},
 * which also resets this channel's column in every other mix). The decode and mix phases only read it; they run
 * between control messages, never during them, so a phase sees one consistent setting per tick.
 */
final class ChannelControl {
    static final float UNITY_GAIN = 1f;
    static final float CENTRE_PAN = 0.5f;

    /** This listener's gain of each channel ID, 0..1 (the fade-ins are applied at mix time). */
    final float[] gains;
    /** This listener's pan of each channel ID, 0 left, 0.5 centre, 1 right. */
    final float[] pans;
    /** True while every gain is 1 and every pan centre: the mix is the shared sum. */
    boolean defaultMix = true;
    ChannelInfo info = ChannelInfo.EMPTY;
    /** Set by the first CHANNEL_INFOS: only then does the client get audio (and its fade-in starts). */
    boolean identified;
    /**
     * Waiting in the password lobby ({@link Lobby}): not heard (its fade-in is 0 in every mix), not listed, its chat
     * goes to the lobby only. The mix phase reads it; only the engine thread writes it, between ticks.
     */
    boolean lobby;
    /** This lobby connection was told its address is locked out (it is told once). */
    boolean lobbyToldLocked;
    /** Set by CLM_DISCONNECTION: the channel is dropped at the next tick. */
    boolean disconnectRequested;
    int jitterRequest = JitterBufferSize.AUTO;
    /** The jitter buffer size last reported to the client with JITT_BUF_SIZE (auto mode only), 0 = none yet. */
    int reportedJitterFrames;
    /** The stream format the client declared (TRANSPORT_PROPS), null until then. */
    NetworkTransportProps props;
    int codecFrameSamples;
    int audioChannels = 1;
    /** The conductor whose mix this listener hears (in its own format), or null: its own mix (ConductorMix). */
    ClientChannel following;
    /** This listener said /ownmix: it keeps its own mix while a conductor is set. */
    boolean ownMix;

    ChannelControl(int maxChannels) {
        this.gains = new float[maxChannels];
        this.pans = new float[maxChannels];
    }

    /** The settings of a fresh connection. */
    void reset() {
        info = ChannelInfo.EMPTY;
        identified = false;
        lobby = false;
        lobbyToldLocked = false;
        disconnectRequested = false;
        jitterRequest = JitterBufferSize.AUTO;
        reportedJitterFrames = 0;
        props = null;
        following = null;
        ownMix = false;
        Arrays.fill(gains, UNITY_GAIN);
        Arrays.fill(pans, CENTRE_PAN);
        defaultMix = true;
    }

    /** Channel {@code id} (re)joined: it starts at gain 1, pan centre in this mix. */
    void resetColumn(int id) {
        gains[id] = UNITY_GAIN;
        pans[id] = CENTRE_PAN;
        recomputeDefaultMix();
    }

    void recomputeDefaultMix() {
        boolean all = true;
        for (int j = 0; j < gains.length && all; j++) {
            all = gains[j] == UNITY_GAIN && pans[j] == CENTRE_PAN;
        }
        defaultMix = all;
    }
}
