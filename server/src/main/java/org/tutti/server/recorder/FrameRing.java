package org.tutti.server.recorder;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer single-consumer ring of preallocated slots carrying the engine's frames to the
 * recorder's writer thread: the engine copies samples in and never waits, allocates or locks.
 */
final class FrameRing {
    static final int FRAME = 0;
    static final int END_OF_TICK = 1;
    static final int CHANNEL_GONE = 2;
    static final int SERVER_IDLE = 3;

    /** One slot; fields are written by the producer before it publishes the slot. */
    static final class Slot {
        int kind;
        int channelId;
        String name;
        InetSocketAddress address;
        int channels;
        int sampleFrames;
        final short[] pcm;

        Slot(int maxValues) {
            pcm = new short[maxValues];
        }
    }

    private final Slot[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next slot the consumer reads
    private final AtomicLong tail = new AtomicLong(); // next slot the producer writes
    private long dropped;

    FrameRing(int capacityPowerOfTwo, int maxValuesPerFrame) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        slots = new Slot[capacityPowerOfTwo];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(maxValuesPerFrame);
        }
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer: the slot to fill, or null when the ring is full (the event is dropped and counted). */
    Slot claim() {
        long t = tail.get();
        if (t - head.get() >= slots.length) {
            dropped++;
            return null;
        }
        return slots[(int) (t & mask)];
    }

    /** Producer: makes the claimed slot visible to the consumer. */
    void publish() {
        tail.lazySet(tail.get() + 1);
    }

    /** Consumer: the next published slot, or null. */
    Slot peek() {
        long h = head.get();
        return h == tail.get() ? null : slots[(int) (h & mask)];
    }

    /** Consumer: releases the slot returned by {@link #peek()}. */
    void release() {
        head.lazySet(head.get() + 1);
    }

    /** Events published and not yet released by the consumer. */
    long pending() {
        return tail.get() - head.get();
    }

    /** Events the producer had to drop because the writer fell behind (read by the producer's thread). */
    long dropped() {
        return dropped;
    }
}
