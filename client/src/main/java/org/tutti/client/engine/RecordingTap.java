package org.tutti.client.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The audio thread's side of the home recorder: a preallocated single-producer single-consumer ring of sample
 * frames, each holding the own input (left, right) and the mix as heard (left, right) of the same instant. One audio
 * cycle reserves its frames ({@link #begin}), fills the own input while capturing and the mix once the output is
 * written, then publishes both at once ({@link #commit}): the two tracks can only grow together, sample for sample.
 * No allocation, locks or logging; a cycle that does not fit (the writer fell behind) is dropped whole and counted.
 */
final class RecordingTap {
    static final int VALUES_PER_FRAME = 4; // own left, own right, mix left, mix right

    private final short[] ring;
    private final int capacityFrames;
    private final int mask;
    private final AtomicLong published = new AtomicLong(); // frames the producer made visible
    private final AtomicLong consumed = new AtomicLong();  // frames the writer has taken
    private long start;                                    // first frame of the cycle being filled (producer)
    private volatile long droppedFrames;

    RecordingTap(int capacityFramesPowerOfTwo) {
        if (Integer.bitCount(capacityFramesPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        capacityFrames = capacityFramesPowerOfTwo;
        mask = capacityFrames - 1;
        ring = new short[capacityFrames * VALUES_PER_FRAME];
    }

    // ---- audio thread ------------------------------------------------------------------------------------

    /** Reserves {@code frames} frames for this cycle; false (and counted) when the ring cannot hold them. */
    boolean begin(int frames) {
        long p = published.get();
        if (capacityFrames - (p - consumed.get()) < frames) {
            droppedFrames += frames;
            return false;
        }
        start = p;
        return true;
    }

    /** Frame {@code i} of the cycle: the own input as it goes to the encoder. */
    void own(int i, short left, short right) {
        int at = (int) ((start + i) & mask) * VALUES_PER_FRAME;
        ring[at] = left;
        ring[at + 1] = right;
    }

    /** The cycle's output, as the sound card plays it. */
    void mix(float[][] out, int frames) {
        for (int i = 0; i < frames; i++) {
            int at = (int) ((start + i) & mask) * VALUES_PER_FRAME;
            ring[at + 2] = toPcm16(out[0][i]);
            ring[at + 3] = toPcm16(out[1][i]);
        }
    }

    void commit(int frames) {
        published.lazySet(start + frames);
    }

    /*
     * Rounded, not truncated like the input: the mix was 16-bit (decoded Opus) before it became a float, and rounding
     * gives the same integer back.
     */
    static short toPcm16(float sample) {
        float v = sample * 32767f;
        return (short) Math.round(Math.max(-32768f, Math.min(32767f, v)));
    }

    // ---- writer thread ------------------------------------------------------------------------------------

    /**
     * Moves up to {@code maxFrames} published frames into interleaved stereo arrays; returns how many.
     */
    int drain(short[] own, short[] mix, int maxFrames) {
        long c = consumed.get();
        int n = (int) Math.min(maxFrames, published.get() - c);
        for (int i = 0; i < n; i++) {
            int at = (int) ((c + i) & mask) * VALUES_PER_FRAME;
            own[2 * i] = ring[at];
            own[2 * i + 1] = ring[at + 1];
            mix[2 * i] = ring[at + 2];
            mix[2 * i + 1] = ring[at + 3];
        }
        consumed.lazySet(c + n);
        return n;
    }

    /** Frames dropped because the writer fell behind. */
    long droppedFrames() {
        return droppedFrames;
    }
}
