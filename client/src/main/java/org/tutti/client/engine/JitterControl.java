package org.tutti.client.engine;

import java.util.concurrent.TimeUnit;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;

/**
 * Jitter buffer settings and the client's simple automatic sizing, run on the control thread: every two seconds the
 * loss counters of the audio path are compared; losses above 1 % grow the buffer by one block, ten quiet seconds
 * shrink it by one. Also holds the input boost and pan so they survive reconnects.
 */
final class JitterControl {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int QUIET_WINDOWS_TO_SHRINK = 5;
    static final int AUTO_START_128 = 4;
    static final int AUTO_START_64 = 6;

    boolean localAuto = true;
    int localBlocks = 10;
    boolean serverAuto = true;
    int serverBlocks = 10;
    float inputBoost = 1f;
    int inputPan;
    private long windowStart;
    private long lastLoss;
    private long lastFrames;
    private int quietWindows;

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

    int localTarget(StreamConfig config) {
        if (!localAuto) {
            return localBlocks;
        }
        return config.frameSamples() == 64 ? AUTO_START_64 : AUTO_START_128;
    }

    void update(AudioPath path, long now) {
        if (!localAuto) {
            path.jitterTarget = localBlocks;
            return;
        }
        if (now - windowStart < WINDOW_NANOS) {
            return;
        }
        windowStart = now;
        ReceiveJitterBuffer jb = path.jitter();
        long loss = jb.lost + jb.underruns * path.jitterTarget + jb.late;
        long frames = path.packetsReceived * path.config().blockFactor();
        long dLoss = loss - lastLoss;
        long dFrames = frames - lastFrames;
        lastLoss = loss;
        lastFrames = frames;
        if (dFrames <= 0) {
            return;
        }
        if (dLoss * 100 > dFrames) {
            path.jitterTarget = clamp(path.jitterTarget + 1);
            quietWindows = 0;
        } else if (dLoss == 0 && ++quietWindows >= QUIET_WINDOWS_TO_SHRINK) {
            path.jitterTarget = Math.max(2, path.jitterTarget - 1);
            quietWindows = 0;
        }
    }

    private static int clamp(int blocks) {
        return Math.max(1, Math.min(20, blocks));
    }
}
