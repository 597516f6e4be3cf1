package org.tutti.client.engine;

import java.nio.ByteBuffer;

/**
 * A single-producer single-consumer ring of datagrams: the network receive thread offers audio packets, the audio
 * thread polls them. Copies into preallocated slots; no locks, no allocation. A full ring drops (and counts) the
 * newest packet. Each packet keeps the time it was offered (its arrival, for the drift measure).
 */
final class PacketRing {
    static final int SLOT_BYTES = 2048;
    private final byte[][] slots;
    private final int[] lengths;
    private final long[] offeredNanos;
    private long polledNanos; // consumer side: offer time of the packet polled last
    private final int mask;
    private volatile long head; // next slot to read, written by the consumer
    private volatile long tail; // next slot to write, written by the producer
    private volatile long dropped;

    PacketRing(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        slots = new byte[capacityPowerOfTwo][SLOT_BYTES];
        lengths = new int[capacityPowerOfTwo];
        offeredNanos = new long[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer side. Returns false (and counts) when full or the packet is too large. */
    boolean offer(byte[] data, int offset, int length) {
        return offer(data, offset, length, System.nanoTime());
    }

    /** Producer side, with the arrival time on the {@link System#nanoTime} scale (tests: a simulated clock). */
    boolean offer(byte[] data, int offset, int length, long arrivalNanos) {
        long t = tail;
        if (t - head > mask || length > SLOT_BYTES) {
            dropped++;
            return false;
        }
        int i = (int) (t & mask);
        System.arraycopy(data, offset, slots[i], 0, length);
        lengths[i] = length;
        offeredNanos[i] = arrivalNanos;
        tail = t + 1; // volatile write publishes the slot
        return true;
    }

    /** Producer side, from a direct buffer already flipped for reading. */
    boolean offer(ByteBuffer data) {
        long t = tail;
        int length = data.remaining();
        if (t - head > mask || length > SLOT_BYTES) {
            dropped++;
            return false;
        }
        int i = (int) (t & mask);
        data.get(slots[i], 0, length);
        lengths[i] = length;
        offeredNanos[i] = System.nanoTime();
        tail = t + 1;
        return true;
    }

    /** Consumer side: copies the oldest packet into {@code into} and returns its length, or -1 when empty. */
    int poll(byte[] into) {
        long h = head;
        if (h == tail) {
            return -1;
        }
        int i = (int) (h & mask);
        int n = Math.min(lengths[i], into.length);
        System.arraycopy(slots[i], 0, into, 0, n);
        polledNanos = offeredNanos[i];
        head = h + 1;
        return n;
    }

    /** Consumer side: when the packet returned by the last {@link #poll} was offered. */
    long polledNanos() {
        return polledNanos;
    }

    /** Consumer side: discards everything queued. */
    void clear() {
        head = tail;
    }

    long dropped() {
        return dropped;
    }
}
