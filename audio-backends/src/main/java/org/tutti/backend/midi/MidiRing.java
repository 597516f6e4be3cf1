package org.tutti.backend.midi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer, single-consumer ring of packed channel messages ({@code status << 16 | data1 << 8 | data2}): the
 * JACK process thread offers without locks or allocation, a delivery thread polls. Full means the message is dropped
 * and counted (a person moving controls never fills 1024 slots between two polls).
 */
public final class MidiRing {
    private static final int SIZE = 1024;
    private final int[] slots = new int[SIZE];
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** Producer side. */
    public boolean offer(int status, int data1, int data2) {
        long w = written.get();
        if (w - read.get() >= SIZE) {
            dropped.incrementAndGet();
            return false;
        }
        slots[(int) (w & (SIZE - 1))] = (status & 0xFF) << 16 | (data1 & 0x7F) << 8 | (data2 & 0x7F);
        written.lazySet(w + 1);
        return true;
    }

    /** Consumer side: hands every waiting message to {@code listener}; returns how many. */
    public int drainTo(MidiListener listener) {
        long r = read.get();
        long w = written.get();
        for (long i = r; i < w; i++) {
            int m = slots[(int) (i & (SIZE - 1))];
            listener.message(m >>> 16, (m >>> 8) & 0x7F, m & 0x7F);
        }
        read.lazySet(w);
        return (int) (w - r);
    }

    public void countDropped() {
        dropped.incrementAndGet();
    }

    public long dropped() {
        return dropped.get();
    }
}
