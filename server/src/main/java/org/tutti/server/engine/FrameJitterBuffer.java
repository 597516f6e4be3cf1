package org.tutti.server.engine;

/**
 * A simple jitter buffer of coded frames for one channel (owned by the engine thread, allocation free after
 * construction). It fills to the target depth before playing, plays one frame per read, and on an empty read
 * reports an underrun (the caller conceals) and refills. Too many frames waiting means the sender's clock runs
 * fast or a burst arrived: the oldest are dropped down to the target (overrun).
 */
final class FrameJitterBuffer {
    static final int CAPACITY_FRAMES = 64;

    private final byte[] data;
    private final int frameBytes;
    private int readIndex;
    private int count;
    private int targetFrames;
    private boolean filling = true;
    private long underruns;
    private long overruns;

    private final EngineCounters counters;

    FrameJitterBuffer(int frameBytes, int targetFrames, EngineCounters counters) {
        this.frameBytes = frameBytes;
        this.counters = counters;
        this.data = new byte[CAPACITY_FRAMES * frameBytes];
        setTarget(targetFrames);
    }

    int frameBytes() {
        return frameBytes;
    }

    void setTarget(int frames) {
        targetFrames = Math.max(1, Math.min(frames, CAPACITY_FRAMES / 2));
    }

    int target() {
        return targetFrames;
    }

    /** Stores one coded frame of {@link #frameBytes()} bytes from {@code src}. */
    void put(byte[] src, int off) {
        if (count >= Math.max(2 * targetFrames + 2, 4) || count == CAPACITY_FRAMES) {
            int drop = count - targetFrames;
            readIndex = (readIndex + drop) % CAPACITY_FRAMES;
            count -= drop;
            overruns++;
            counters.jitterOverruns++;
        }
        int write = (readIndex + count) % CAPACITY_FRAMES;
        System.arraycopy(src, off, data, write * frameBytes, frameBytes);
        count++;
        if (filling && count >= targetFrames) {
            filling = false;
        }
    }

    /**
     * Copies the next frame into {@code dst}; returns false when none is ready (the caller conceals the loss).
     */
    boolean get(byte[] dst, int off) {
        if (filling) {
            return false;
        }
        if (count == 0) {
            underruns++;
            counters.jitterUnderruns++;
            filling = true;
            return false;
        }
        System.arraycopy(data, readIndex * frameBytes, dst, off, frameBytes);
        readIndex = (readIndex + 1) % CAPACITY_FRAMES;
        count--;
        return true;
    }

    long underruns() {
        return underruns;
    }

    long overruns() {
        return overruns;
    }
}
