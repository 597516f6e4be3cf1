package org.tutti.client.session;

/**
 * Jamulus's estimate of the overall (mouth-to-ear) delay shown next to the delay LED: the ping, 0.7 of both jitter
 * buffers, the sound card (taken as three buffers), one block to fill a packet and half a block of codec delay. It is
 * a display figure (users-and-peers.md §4.2), not a measurement.
 */
public final class DelayEstimate {
    private DelayEstimate() {
    }

    public static int overallMs(int pingMs, int localBlocks, int serverBlocks, int bufferFrames) {
        double frameMs = Math.max(64, bufferFrames) / 48.0;
        double ms = pingMs + 0.7 * (localBlocks + serverBlocks) * frameMs + 3 * frameMs + frameMs + 0.5 * frameMs;
        return (int) Math.round(ms);
    }
}
