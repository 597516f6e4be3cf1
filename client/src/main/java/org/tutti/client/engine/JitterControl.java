package org.tutti.client.engine;

import org.tutti.protocol.ConnectedMessage.JitterBufferSize;

/**
 * The jitter buffer settings (local and server side) plus input boost, pan and reverb, kept on the control thread so
 * they survive reconnects. Automatic local sizing is done by {@link org.tutti.audio.JitterBuffer} itself.
 */
final class JitterControl {
    boolean localAuto = true;
    int localBlocks = 10;
    boolean serverAuto = true;
    int serverBlocks = 10;
    float inputBoost = 1f;
    int inputPan;
    /** Jamulus's reverb level 0..100 (0 = off) and side (mono streams: left or right input). */
    int reverbLevel;
    boolean reverbOnLeft = true;

    void setLocal(boolean auto, int blocks) {
        localAuto = auto;
        localBlocks = clamp(blocks);
    }

    void setServer(boolean auto, int blocks) {
        serverAuto = auto;
        serverBlocks = clamp(blocks);
    }

    int serverWireValue() {
        return serverAuto ? JitterBufferSize.AUTO : serverBlocks;
    }

    private static int clamp(int blocks) {
        return Math.max(1, Math.min(20, blocks));
    }
}
