package org.tutti.audio;

import java.util.Objects;

/**
 * Jitter buffer for one incoming audio stream: a ring of preallocated blocks, one coded frame per block.
 *
 * <p><b>Modes.</b> With sequence numbers ({@code sequenced}), frames are placed by their 8-bit sequence
 * number (signed 8-bit distance from the read position), so reordering is undone, duplicates are ignored
 * and missing frames read as "conceal". Without, the buffer is a FIFO in arrival order.
 *
 * <p><b>Size.</b> {@linkplain #setManualSize Manual} sizes 1..20 behave like Jamulus's network buffer:
 * a window of that many blocks that moves when a frame falls outside it (protocol doc §4.5).
 * {@linkplain #setAuto Auto} either runs {@link AutoStrategy#JAMULUS}, a faithful model of Jamulus's
 * simulated-buffer statistics driving that window, or {@link AutoStrategy#TUTTI}, which measures arrival
 * margins and controls the playout delay directly (fast up, slow down; see docs/jitter-buffer.md).
 *
 * <p><b>Packets.</b> One block holds one coded frame: a packet carrying several frames (block size factor
 * 2 or 4) is put frame by frame, each with its own sequence byte. When the peer's frame size or codec
 * changes, create a new buffer.
 *
 * <p><b>Threading and cost.</b> One owner thread calls everything (put and get both run on the audio or
 * mixer thread; a network thread hands datagrams over through a queue). {@link #put} and {@link #get}
 * neither allocate nor lock; all state is preallocated at construction.
 */
public final class JitterBuffer {
    public static final int MIN_SIZE = 1;
    public static final int MAX_SIZE = 20;
    /** Returned by {@link #get} when the caller should run packet-loss concealment. */
    public static final int CONCEAL = -1;

    /** Automatic sizing strategies. */
    public enum AutoStrategy { JAMULUS, TUTTI }

    private static final int SLOTS = Math.max(BlockWindow.CAPACITY, AdaptivePlayout.CAPACITY);

    private final int maxFrameBytes;
    private final int frameSamples;
    private final boolean sequenced;
    private final byte[] payload;
    private final int[] lengths = new int[SLOTS];
    private final JitterCounters counters = new JitterCounters();
    private final ArrivalJitter arrivalJitter;
    private BlockWindow window;
    private JamulusAutoSizer jamulusAuto;
    private AdaptivePlayout adaptive;
    private AdaptiveTuning tuning;
    private boolean streaming;

    /**
     * @param maxFrameBytes largest coded frame accepted (block size)
     * @param frameSamples  codec frame length in samples at 48 kHz (64 or 128): sets time constants
     * @param sequenced     whether frames carry sequence numbers
     * @param size          initial manual size 1..20
     */
    public JitterBuffer(int maxFrameBytes, int frameSamples, boolean sequenced, int size) {
        if (maxFrameBytes < 1 || (frameSamples != 64 && frameSamples != 128)) {
            throw new IllegalArgumentException("maxFrameBytes must be > 0 and frameSamples 64 or 128");
        }
        this.maxFrameBytes = maxFrameBytes;
        this.frameSamples = frameSamples;
        this.sequenced = sequenced;
        this.payload = new byte[SLOTS * maxFrameBytes];
        this.arrivalJitter = new ArrivalJitter(frameSamples * 1_000_000_000L / 48_000);
        this.tuning = AdaptiveTuning.defaults(frameSamples);
        setManualSize(size);
    }

    /** Switches to a fixed window of {@code size} blocks (1..20). Buffered frames are kept where possible. */
    public void setManualSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("jitter buffer size must be 1..20: " + size);
        }
        jamulusAuto = null;
        if (window == null || adaptive != null) {
            restart(new BlockWindow(sequenced, size, counters), null);
        } else {
            window.resize(size);
        }
    }

    /** Switches to automatic sizing. Not for the audio thread: it allocates the strategy's state. */
    public void setAuto(AutoStrategy strategy) {
        if (strategy == AutoStrategy.JAMULUS) {
            BlockWindow w = new BlockWindow(sequenced, JamulusAutoSizer.START_SIZE, counters);
            restart(w, null);
            jamulusAuto = new JamulusAutoSizer(frameSamples, sequenced);
        } else {
            restart(null, new AdaptivePlayout(sequenced, tuning, counters));
        }
    }

    /** Replaces the Tutti strategy's parameters (takes effect at the next {@code setAuto(TUTTI)}). */
    public void setAdaptiveTuning(AdaptiveTuning newTuning) {
        this.tuning = Objects.requireNonNull(newTuning);
    }

    private void restart(BlockWindow newWindow, AdaptivePlayout newAdaptive) {
        window = newWindow;
        adaptive = newAdaptive;
        jamulusAuto = null;
        streaming = false;
    }

    /**
     * Offers one coded frame.
     *
     * @param seq      its 8-bit sequence number (only the low 8 bits are used; ignored without sequence numbers)
     * @param nowNanos arrival time on a monotonic clock, used for the inter-arrival jitter statistic
     * @return true if the frame was stored, false if it was dropped (invalid, late, or no room; counted)
     */
    public boolean put(byte[] src, int off, int len, int seq, long nowNanos) {
        if (len <= 0 || len > maxFrameBytes) {
            counters.invalid++;
            return false;
        }
        counters.puts++;
        arrivalJitter.onArrival(seq & 0xFF, sequenced, nowNanos);
        int slot;
        if (adaptive != null) {
            slot = adaptive.put(seq);
        } else {
            if (jamulusAuto != null) {
                jamulusAuto.onPut(seq);
            }
            slot = window.put(seq);
        }
        if (slot < 0) {
            return false;
        }
        streaming = true;
        System.arraycopy(src, off, payload, slot * maxFrameBytes, len);
        lengths[slot] = len;
        return true;
    }

    /**
     * Takes the frame due now (call once per codec frame period).
     *
     * @return the frame's length, copied to {@code dst} at {@code off} (room for {@link #maxFrameBytes()}
     *         needed), or {@link #CONCEAL} if there is nothing valid to play
     */
    public int get(byte[] dst, int off) {
        counters.gets++;
        if (!streaming) {
            return CONCEAL; // nothing received yet: silence, not a dropout
        }
        int slot;
        if (adaptive != null) {
            slot = adaptive.take();
        } else {
            int before = window.stored();
            slot = window.take();
            if (slot < 0) {
                counters.concealed++;
                if (before == 0) {
                    counters.underruns++;
                }
            }
            if (jamulusAuto != null) {
                jamulusAuto.onGet();
                if (jamulusAuto.autoSize() != window.size()) {
                    window.resize(jamulusAuto.autoSize());
                }
            }
        }
        if (slot < 0) {
            return CONCEAL;
        }
        int len = lengths[slot];
        System.arraycopy(payload, slot * maxFrameBytes, dst, off, len);
        return len;
    }

    /** Current size in blocks: the window size, or for the Tutti strategy its target delay in frames. */
    public int size() {
        return adaptive != null ? adaptive.targetFrames() : window.size();
    }

    /**
     * Frames of delay in use now: for the Tutti strategy how many frame periods the typical arrival waits
     * before it is played, for a window the frames it holds.
     */
    public int playoutDelayFrames() {
        return adaptive != null ? adaptive.playoutDelayFrames() : window.stored();
    }

    public boolean isAuto() {
        return adaptive != null || jamulusAuto != null;
    }

    public boolean isSequenced() {
        return sequenced;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Smoothed inter-arrival jitter in milliseconds (RFC 3550 style estimator). */
    public double arrivalJitterMs() {
        return arrivalJitter.jitterNanos() / 1e6;
    }

    /** The live counters (owner thread only). */
    public JitterCounters counters() {
        return counters;
    }
}
