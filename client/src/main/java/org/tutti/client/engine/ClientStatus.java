package org.tutti.client.engine;

/**
 * A snapshot of the engine for displays and tests.
 *
 * @param connected        a connection is active (audio streaming to the server)
 * @param channelId        our channel on the server, -1 before CLIENT_ID
 * @param pingMs           last measured round trip, -1 when none yet
 * @param uploadKbps       Jamulus's upload-rate figure for the current stream, 0 when idle
 * @param bufferFrames     the backend's cycle length, 0 when idle
 * @param jitterBlocks     the local jitter buffer target
 * @param packetsSent      audio packets sent this connection
 * @param packetsReceived  well-formed audio packets received this connection
 * @param framesLost       frames concealed because they were missing
 * @param serverVersion    the server's version text, "" until known
 * @param inputPeakLeft    input meter, linear 0..1 (after boost and pan; holds peaks, halving every 100 ms)
 * @param inputPeakRight   input meter, right channel
 * @param outputPeak       peak of the last played cycle, linear 0..1
 * @param dropouts         audible playback events this connection: runs of concealed frames, frames skipped
 * @param underruns        concealed frames while the local jitter buffer was empty
 * @param lateFrames       frames that arrived after their playout time (dropped)
 * @param playoutDelayFrames frame periods the typical frame now waits in the local jitter buffer
 * @param jitterHolds      frames of delay added by the local jitter buffer (Tutti strategy)
 * @param jitterSkips      frames removed to reduce the delay (Tutti strategy)
 * @param playbackRatioPpm how much faster (positive) or slower playback runs than the sound card's nominal rate to
 *                         follow the server's clock (drift compensation), in parts per million; 0 when off
 * @param lateCallbacks    audio callbacks at least half a cycle late (the sound card or its driver stalled and lost
 *                         time; the frames that piled up meanwhile are skipped, not played faster)
 */
public record ClientStatus(boolean connected, int channelId, int pingMs, int uploadKbps, int bufferFrames,
                           int jitterBlocks, long packetsSent, long packetsReceived, long framesLost,
                           String serverVersion, float inputPeakLeft, float inputPeakRight, float outputPeak,
                           long dropouts, long underruns, long lateFrames, int playoutDelayFrames,
                           long jitterHolds, long jitterSkips, int playbackRatioPpm,
                           long lateCallbacks) {
    static final ClientStatus IDLE =
            new ClientStatus(false, -1, -1, 0, 0, 0, 0, 0, 0, "", 0f, 0f, 0f, 0, 0, 0, 0, 0, 0, 0, 0);
}
