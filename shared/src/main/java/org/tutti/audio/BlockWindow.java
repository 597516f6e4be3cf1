package org.tutti.audio;

import java.util.Arrays;

/**
 * Jamulus-compatible block bookkeeping of a jitter buffer (protocol doc §4.5), without the payload: which
 * sequence number sits in which slot, where the read position is, and how the window moves.
 *
 * <p>With sequence numbers, a frame whose signed 8-bit distance d from the read position is in
 * {@code [0, size)} is stored; d &lt; 0 moves the window back so that the frame becomes the first block;
 * d ≥ size moves it forward so that the frame becomes the last block. Blocks a move leaves behind are
 * invalid and read as "conceal". Without sequence numbers it is a FIFO of {@code size} blocks.
 *
 * <p>Slots hold unwrapped sequence numbers, so a slot is valid for the read position only if it holds
 * exactly that number: a stale block can never be played in the wrong place. Used both for the real
 * buffer (manual size and the Jamulus-style auto size) and for the payload-less simulation buffers.
 */
final class BlockWindow {
    static final int CAPACITY = 32; // slots; ≥ JitterBuffer.MAX_SIZE, power of two
    private static final int MASK = CAPACITY - 1;
    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] slotSeq = new long[CAPACITY];
    private final boolean sequenced;
    private final JitterCounters counters;
    private int size;
    private long readSeq;  // sequence number expected at the read position
    private long fifoTail; // FIFO: number given to the next stored frame
    private int stored;    // valid blocks held
    private boolean started;

    BlockWindow(boolean sequenced, int size, JitterCounters counters) {
        this.sequenced = sequenced;
        this.counters = counters;
        Arrays.fill(slotSeq, EMPTY);
        resize(size);
    }

    /**
     * Accepts one frame. {@code seq8} is its 8-bit sequence number (ignored in FIFO mode).
     *
     * @return the slot to copy the payload into, or -1 if the frame is dropped
     */
    int put(int seq8) {
        if (!sequenced) {
            return putFifo();
        }
        if (!started) { // first frame: take it as the last block of the window, like any early frame
            started = true;
            readSeq = (seq8 & 0xFF) - size + 1;
        }
        long seq = readSeq + (byte) (seq8 - (int) readSeq);
        long distance = seq - readSeq;
        if (distance < 0) {
            counters.late++;
            // Jamulus invalidates the old read block too, then reads from the late frame onwards.
            discard(readSeq);
            readSeq = seq;
            discardFrom(seq + size, seq + size - distance);
        } else if (distance >= size) {
            counters.early++;
            discardFrom(readSeq, seq - size + 1);
            readSeq = seq - size + 1;
        }
        int slot = (int) (seq & MASK);
        if (slotSeq[slot] == seq) {
            counters.duplicates++;
        } else {
            slotSeq[slot] = seq;
            stored++;
        }
        return slot;
    }

    private int putFifo() {
        if (fifoTail - readSeq >= size) {
            counters.overruns++;
            return -1;
        }
        int slot = (int) (fifoTail & MASK);
        slotSeq[slot] = fifoTail++;
        stored++;
        return slot;
    }

    /**
     * Reads the block at the read position. With sequence numbers the read position always advances;
     * a FIFO only advances when it is not empty.
     *
     * @return the slot holding the frame, or -1 for "conceal"
     */
    int take() {
        int slot = (int) (readSeq & MASK);
        if (slotSeq[slot] != readSeq || stored == 0) {
            if (sequenced) {
                readSeq++;
            }
            return -1;
        }
        slotSeq[slot] = EMPTY;
        stored--;
        readSeq++;
        return slot;
    }

    /** Changes the window size keeping the read position; blocks beyond the new window are dropped. */
    void resize(int newSize) {
        if (newSize < 1 || newSize > JitterBuffer.MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + JitterBuffer.MAX_SIZE + ": " + newSize);
        }
        size = newSize;
        long end = readSeq + newSize;
        if (!sequenced) {
            discardFrom(end, fifoTail);
            fifoTail = Math.min(fifoTail, end);
        } else {
            for (int i = 0; i < CAPACITY; i++) {
                if (slotSeq[i] != EMPTY && slotSeq[i] >= end) {
                    slotSeq[i] = EMPTY;
                    stored--;
                    counters.overruns++;
                }
            }
        }
    }

    private void discardFrom(long fromSeq, long toSeqExclusive) {
        long to = Math.min(toSeqExclusive, fromSeq + CAPACITY);
        for (long s = fromSeq; s < to; s++) {
            discard(s);
        }
    }

    private void discard(long seq) {
        int slot = (int) (seq & MASK);
        if (slotSeq[slot] == seq) {
            slotSeq[slot] = EMPTY;
            stored--;
            counters.overruns++;
        }
    }

    int size() { return size; }
    int stored() { return stored; }
    long readSeq() { return readSeq; }
    boolean started() { return started || !sequenced; }
}
