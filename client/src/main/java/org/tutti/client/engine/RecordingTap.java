package org.tutti.client.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audio thread's side of the home recorder: a preallocated single-producer single-consumer ring of sample
 * frames, each holding the own input (left, right) and the mix as heard (left, right) of the same instant, and the
 * input of each extra channel of a split (left, right; silent while no split connection runs). One audio
 * cycle reserves its frames ({@link #begin}), fills the own input while capturing and the mix once the output is
 * written, then publishes both at once ({@link #commit}): the two tracks can only grow together, sample for sample.
 * No allocation, locks or logging; a cycle that does not fit (the writer fell behind) is dropped whole and counted.
 */
final class RecordingTap {
    static final int VALUES_PER_FRAME = 4; // own left, own right, mix left, mix right

    private final int valuesPerFrame;      // VALUES_PER_FRAME, then left and right of each extra track
    private final int extraTracks;
    private final short[] ring;
    private final int capacityFrames;
    private final int mask;
    private final AtomicLong published = new AtomicLong(); // frames the producer made visible
    private final AtomicLong consumed = new AtomicLong();  // frames the writer has taken
    private long start;                                    // first frame of the cycle being filled (producer)
    private volatile long droppedFrames;

    RecordingTap(int capacityFramesPowerOfTwo) {
        this(capacityFramesPowerOfTwo, 0);
    }

    /** With {@code extraTracks} more own-input tracks: one per extra channel of a split. */
    RecordingTap(int capacityFramesPowerOfTwo, int extraTracks) {
        this.extraTracks = extraTracks;
        this.valuesPerFrame = VALUES_PER_FRAME + 2 * extraTracks;
        if (Integer.bitCount(capacityFramesPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        capacityFrames = capacityFramesPowerOfTwo;
        mask = capacityFrames - 1;
        ring = new short[capacityFrames * valuesPerFrame];
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
        clearExtra(frames);
        return true;
    }

    /** Frame {@code i} of the cycle: the own input as it goes to the encoder. */
    void own(int i, short left, short right) {
        int at = (int) ((start + i) & mask) * valuesPerFrame;
        ring[at] = left;
        ring[at + 1] = right;
    }

    /** Frame {@code i} of the cycle on extra track {@code track} (0-based); a track the tap lacks is ignored. */
    void extra(int track, int i, short left, short right) {
        if (track < extraTracks) {
            int at = (int) ((start + i) & mask) * valuesPerFrame + VALUES_PER_FRAME + 2 * track;
            ring[at] = left;
            ring[at + 1] = right;
        }
    }

    // The ring is reused: a cycle without a running split must not write an old cycle's samples again.
    private void clearExtra(int frames) {
        for (int i = 0; i < frames && extraTracks > 0; i++) {
            int at = (int) ((start + i) & mask) * valuesPerFrame + VALUES_PER_FRAME;
            Arrays.fill(ring, at, at + 2 * extraTracks, (short) 0);
        }
    }

    /** The cycle's output, as the sound card plays it. */
    void mix(float[][] out, int frames) {
        for (int i = 0; i < frames; i++) {
            int at = (int) ((start + i) & mask) * valuesPerFrame;
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
        return drain(own, mix, null, maxFrames);
    }

    /** As {@link #drain(short[], short[], int)}, with each extra track into {@code extra[track]} (null: none). */
    int drain(short[] own, short[] mix, short[][] extra, int maxFrames) {
        long c = consumed.get();
        int n = (int) Math.min(maxFrames, published.get() - c);
        for (int i = 0; i < n; i++) {
            int at = (int) ((c + i) & mask) * valuesPerFrame;
            own[2 * i] = ring[at];
            own[2 * i + 1] = ring[at + 1];
            mix[2 * i] = ring[at + 2];
            mix[2 * i + 1] = ring[at + 3];
            for (int t = 0; extra != null && t < extraTracks; t++) {
                extra[t][2 * i] = ring[at + VALUES_PER_FRAME + 2 * t];
                extra[t][2 * i + 1] = ring[at + VALUES_PER_FRAME + 2 * t + 1];
            }
        }
        consumed.lazySet(c + n);
        return n;
    }

    /** Frames dropped because the writer fell behind. */
    long droppedFrames() {
        return droppedFrames;
    }
}
