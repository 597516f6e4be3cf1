package org.tutti.codec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a native codec state alive while a call is inside it. The codecs are used by one thread at a time, but may
 * be closed from another (a client leaving while the engine decodes, an application shutting down): without this,
 * close frees the state under a running decode. One atomic word counts calls in flight and carries a closed flag;
 * a call after close sees the flag and fails cleanly, and close waits until the calls in flight have left before
 * the state is freed. No lock and no allocation per call: two atomic operations.
 */
final class NativeGuard {
    private static final int CLOSED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final long handle;

    NativeGuard(long handle) {
        this.handle = handle;
    }

    /** The native handle, with one more call in flight; 0 (and nothing to undo) when closed. */
    long enter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return 0;
            }
            if (state.compareAndSet(s, s + 1)) {
                return handle;
            }
        }
    }

    /** Ends a call begun by a successful {@link #enter()}. */
    void exit() {
        state.decrementAndGet();
    }

    /**
     * Marks the state closed and waits until no call is inside it.
     *
     * @return the handle to free, exactly once; 0 when already closed
     */
    long close() {
        int s = state.getAndUpdate(v -> v | CLOSED);
        if ((s & CLOSED) != 0) {
            return 0;
        }
        int spins = 0;
        while ((state.get() & ~CLOSED) != 0) { // a frame takes microseconds
            if (++spins < 1000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
        return handle;
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }
}
