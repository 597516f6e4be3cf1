package org.tutti.audio;

import java.util.Arrays;

/**
 * Tutti's own automatic jitter buffer: instead of choosing a window size and letting the read position
 * float inside it (Jamulus), it controls the playout offset directly from measured arrival margins.
 *
 * <ul>
 *   <li><b>Target.</b> The desired delay past the median arrival ({@link ArrivalStatistics}) is the
 *       smallest one whose recent rate of late events stays within budget ({@link LateEventRates}); a run
 *       of late frames counts as one event, so a rare stall does not buy a permanently larger delay.</li>
 *   <li><b>Fast up.</b> When the frame at the read position is missing, nothing newer has arrived (so it is
 *       late rather than lost) and the delay is below target, the read position is held: one concealed
 *       frame now instead of losing the late frame and every frame of the same burst.</li>
 *   <li><b>Slow down.</b> Only after the delay has been above target for a while is one frame removed,
 *       preferably for free together with a concealment that happens anyway; if none comes, a frame is
 *       dropped. Removals are rate limited.</li>
 *   <li><b>Clock drift</b> shows up as margins that grow or shrink steadily; the same two rules then insert
 *       or remove a frame now and then, so the buffer neither fills nor drains without bound.</li>
 * </ul>
 * Without sequence numbers, frames are numbered in arrival order (FIFO); loss cannot be detected then, so a
 * missing frame is always treated as late.
 */
final class AdaptivePlayout {
    static final int CAPACITY = 64; // slots; 170 ms of 128-sample frames
    private static final int MASK = CAPACITY - 1;
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int INITIAL_DELAY_FRAMES = 2;
    // Short, so that the reference follows clock drift: 1 % drift moves it 1.3 frames per window.
    private static final int MEDIAN_WINDOW_FRAMES = 128;
    // A short median of the latest arrivals: it sees within a few frames that the stream now runs later.
    private static final int RECENT_FRAMES = 8;

    private final long[] slotSeq = new long[CAPACITY];
    private final long[] playedSeq = new long[CAPACITY]; // last frame played from each slot
    private final boolean sequenced;
    private final JitterCounters counters;
    private final ArrivalStatistics arrivals;
    private final LateEventRates lateEvents;
    private final AdaptiveTuning tuning;
    private long readSeq;
    private long lastPlayedSeq = EMPTY;
    private long newestSeq;
    private long fifoNext;
    private long getCount;
    private int stored;
    private boolean started;
    private int surplusGets; // consecutive gets with at least one frame more delay than needed
    private int sinceShrink;
    private int sinceHold = RECENT_FRAMES;
    private final long[] recentMargins = new long[RECENT_FRAMES];
    private final long[] recentSorted = new long[RECENT_FRAMES];
    private int recentCount;
    private int recentNext;
    private long recentMedian;
    private boolean lastArrivalLate; // the stream is currently behind the read position

    AdaptivePlayout(boolean sequenced, AdaptiveTuning tuning, JitterCounters counters) {
        this.sequenced = sequenced;
        this.tuning = tuning;
        this.counters = counters;
        this.arrivals = new ArrivalStatistics(MEDIAN_WINDOW_FRAMES);
        this.lateEvents = new LateEventRates(tuning.windowFrames());
        Arrays.fill(slotSeq, EMPTY);
        Arrays.fill(playedSeq, EMPTY);
    }

    /** @return the slot to copy the payload into, or -1 if the frame is dropped */
    int put(int seq8) {
        long seq;
        if (!sequenced) {
            seq = fifoNext++;
        } else if (!started) {
            seq = seq8 & 0xFF;
        } else {
            seq = readSeq + (byte) (seq8 - (int) readSeq);
        }
        if (!started) {
            started = true;
            readSeq = seq - INITIAL_DELAY_FRAMES;
            newestSeq = seq;
        }
        int slot = (int) (seq & MASK);
        if (slotSeq[slot] == seq || playedSeq[slot] == seq) {
            counters.duplicates++; // a copy: says nothing about timing, so it stays out of the statistics
            return slotSeq[slot] == seq ? slot : -1;
        }
        record(seq - getCount);
        long distance = seq - readSeq;
        lastArrivalLate = distance < 0;
        if (distance <= -2 && sequenced && seq > lastPlayedSeq && newestSeq < readSeq && -distance < CAPACITY) {
            // The whole stream is behind (nothing newer arrived) and two or more frames since this one were concealed,
            // none played: a stall, not one late frame (that one is dropped instead, the delay kept). Step the read
            // position back to it, as Jamulus's window does: the gap already heard was the stall itself, and the rest
            // of the stream plays on at the larger delay (what a sender that lost time needs; after a burst that
            // catches up, the surplus is removed once the recent arrivals show it).
            counters.holds += -distance;
            readSeq = seq;
            sinceHold = 0;
            distance = 0;
        }
        if (distance < 0) {
            counters.late++;
            return -1;
        }
        if (distance >= CAPACITY) {
            counters.early++;
            if (sequenced) { // a jump this large is a restarted stream: start over around the new frame
                discardAll();
                arrivals.clear();
                recentCount = 0;
                lateEvents.clear();
                record(seq - getCount);
                readSeq = seq - INITIAL_DELAY_FRAMES;
            } else { // FIFO full: drop the oldest frames to make room
                discard(readSeq, seq - CAPACITY + 1);
                readSeq = seq - CAPACITY + 1;
            }
        }
        newestSeq = Math.max(newestSeq, seq);
        slotSeq[slot] = seq;
        stored++;
        return slot;
    }

    /** @return the slot of the frame to play, or -1 for "conceal" */
    int take() {
        long offset = readSeq - getCount;
        // The long median lags when the stream moves later as a whole (a sender that lost time): judged by it alone,
        // the delay just added by holds would look like surplus, and removing it frame by frame while holding again
        // once kept a musician silent for 120-320 ms. The recent median sees the new level within a few frames.
        long desired = Math.min(arrivals.median(), recentMedian) - desiredDelayFrames();
        getCount++;
        sinceShrink++;
        long surplusFrames = desired - offset;
        surplusGets = surplusFrames >= 1 ? surplusGets + 1 : 0;
        // One surplus frame may be noise: wait. More is drift or a passed burst: remove it much sooner, and three
        // or more (a receiver that lost time, a sender far ahead) at once, or they pile up.
        int wait = surplusFrames >= 3 ? 1 : surplusFrames >= 2 ? tuning.shrinkAfterGets() / 8 : tuning.shrinkAfterGets();
        // Right after a hold or a step back even the recent median has not seen the new level yet.
        sinceHold++;
        boolean shrink = surplusGets >= wait && sinceShrink >= wait && sinceHold > RECENT_FRAMES;
        int slot = (int) (readSeq & MASK);
        if (slotSeq[slot] == readSeq) {
            if (shrink && surplusFrames >= 3) {
                // far ahead (a receiver that lost time, a burst that has passed): one jump over all the surplus is
                // one discontinuity, where frame-by-frame removal would be one per frame
                for (long k = 0; k < surplusFrames; k++) {
                    dropForShrink();
                }
            } else if (shrink && surplusGets >= tuning.forceShrinkAfterGets()) {
                dropForShrink(); // no concealment came along to hide the removal: drop one frame
            }
            return playReadPosition();
        }
        counters.concealed++;
        if (stored == 0) {
            counters.underruns++;
        }
        if (newestSeq < readSeq && (offset > desired || lastArrivalLate)) {
            // The frame is late, not lost (nothing newer came), and either the delay is below target or
            // the stream is running behind us (receiver clock faster): wait, adding one frame of delay.
            counters.holds++;
            sinceHold = 0;
            return -1;
        }
        readSeq++;
        if (shrink) {
            dropForShrink(); // free: this concealment hides the removed frame as well
        }
        return -1;
    }

    private int playReadPosition() {
        int next = (int) (readSeq & MASK);
        if (slotSeq[next] != readSeq) { // after a shrink drop the next frame may be missing
            readSeq++;
            counters.concealed++;
            return -1;
        }
        slotSeq[next] = EMPTY;
        playedSeq[next] = readSeq;
        lastPlayedSeq = readSeq;
        stored--;
        readSeq++;
        return next;
    }

    private void dropForShrink() {
        int slot = (int) (readSeq & MASK);
        if (slotSeq[slot] == readSeq) {
            slotSeq[slot] = EMPTY;
            stored--;
        }
        readSeq++;
        counters.skips++;
        surplusGets = 0;
        sinceShrink = 0;
    }

    private void discard(long fromSeq, long toSeqExclusive) {
        for (long s = fromSeq; s < Math.min(toSeqExclusive, fromSeq + CAPACITY); s++) {
            int slot = (int) (s & MASK);
            if (slotSeq[slot] == s) {
                slotSeq[slot] = EMPTY;
                stored--;
                counters.overruns++;
            }
        }
    }

    private void discardAll() {
        discard(readSeq, readSeq + CAPACITY);
        stored = 0;
        Arrays.fill(slotSeq, EMPTY);
    }

    private void record(long margin) {
        recentMargins[recentNext] = margin;
        recentNext = (recentNext + 1) % RECENT_FRAMES;
        recentCount = Math.min(recentCount + 1, RECENT_FRAMES);
        int n = recentCount;
        for (int i = 0; i < n; i++) { // insertion sort of at most 8 values, into a preallocated array
            long v = recentMargins[i];
            int j = i - 1;
            while (j >= 0 && recentSorted[j] > v) {
                recentSorted[j + 1] = recentSorted[j];
                j--;
            }
            recentSorted[j + 1] = v;
        }
        recentMedian = recentSorted[n / 2];
        arrivals.add(margin);
        lateEvents.add(arrivals.median() - margin);
    }

    /** Delay past the median arrival that keeps late events within the budget, plus the safety margin. */
    private int desiredDelayFrames() {
        return lateEvents.smallestDelayWithin(tuning.maxLateEventsPerFrame()) + tuning.safetyFrames();
    }

    boolean started() {
        return started;
    }

    /** Frames the typical (median) arrival currently waits before it is played: the delay actually in use. */
    int playoutDelayFrames() {
        return started ? (int) Math.max(0, arrivals.median() - (readSeq - getCount)) : 0;
    }

    /** Current target delay in frames (typical arrival to playout), clamped to 1..20 for reporting. */
    int targetFrames() {
        return Math.max(JitterBuffer.MIN_SIZE, Math.min(JitterBuffer.MAX_SIZE, desiredDelayFrames() + 1));
    }
}
