package org.tutti.client.engine;

import java.nio.file.Path;
import java.util.List;
import org.tutti.client.model.MixerChannel;
import org.tutti.protocol.LicenceType;
import org.tutti.protocol.RecorderState;

/**
 * What the client engine reports. Called on the engine's control thread, never on the audio thread; implementations
 * must return quickly (a UI hands the call over to its own thread).
 */
public interface ClientListener {
    /** CLIENT_ID arrived: the server gave this client channel {@code channelId}. */
    default void connected(int channelId) {
    }

    /** The connection ended; {@code reason} is for the user ("disconnected by user", "server not responding" …). */
    default void disconnected(String reason) {
    }

    /** The channel list changed; the strips are snapshots in server order. */
    default void clientListChanged(List<MixerChannel> channels) {
    }

    /** Level meters 0..9 in client-list order. */
    default void levelsChanged(int[] levels) {
    }

    /** A chat line from the server (HTML). */
    default void chatReceived(String html) {
    }

    default void licenceRequired(LicenceType licence) {
    }

    default void recorderStateChanged(RecorderState state) {
    }

    /** The musician on {@code channelId} muted or unmuted this client in their own mix. */
    default void mutedByOtherChanged(int channelId, boolean muted) {
    }

    /** The server's automatic jitter buffer size for this client changed. */
    default void serverJitterBufferChanged(int blocks) {
    }

    /** A ping round trip completed. */
    default void pingMeasured(int roundTripMs) {
    }

    /** The server's VERSION_AND_OS arrived. */
    default void serverVersion(String version) {
    }

    /**
     * Feedback protection tripped: a loud input in the first seconds of the connection; "mute myself" is now on and
     * our own channel is muted in our mix.
     */
    /** Recording at home stopped by itself (disk full, folder gone): the take holds what was written before. */
    default void homeRecordingFailed(Path take, String reason) {
    }

    default void feedbackDetected() {
    }
}
