package org.tutti.server.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one phase of a tick (decode, or mix+encode+send) over the channels on several threads: the channels are cut
 * into chunks that the engine thread and the workers claim one at a time, and the engine thread returns when every
 * chunk is done. A worker that the scheduler keeps off its core (on a small machine the load generator or another
 * process may hold it) therefore delays the tick by at most the one chunk it has claimed, not by its whole share:
 * the engine thread takes the chunks nobody claimed. Allocation free per tick; workers spin briefly, then park.
 */
final class ParallelPhases implements AutoCloseable {
    /** The work of one phase for channels [from, to), run by thread {@code workerIndex} (0 = the engine thread). */
    interface RangeTask {
        void run(int workerIndex, int from, int to);
    }

    private static final long SPIN_NANOS = 50_000;
    /** Channels per claim: small enough to share the work, large enough that claims cost nothing. */
    static final int CHUNK = 16;

    private final Thread[] workers;
    /**
     * phase number (32 bits) | channel count n (16) | next unclaimed channel (16): a claim is one compare-and-set.
     * n lives in the same word so that a worker still busy with the previous phase can neither claim there (it is
     * exhausted) nor here (the phase differs), whatever it read of {@link #task} and {@link #count}.
     */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger chunksDone = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile RangeTask task;
    private volatile int count;
    private volatile int phase;
    private volatile boolean running = true;
    /** The thread that calls {@link #run} (the engine thread), woken when the last chunk is done. */
    private volatile Thread caller;
    private int chunks;

    ParallelPhases(int threads) {
        this.workers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            int index = i + 1;
            workers[i] = Thread.ofPlatform().daemon().name("server-mix-" + index).start(() -> workerLoop(index));
        }
    }

    /** Chunks whose work threw on any thread (the engine counts them as internal errors). */
    int failures() {
        return failures.get();
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code work} over {@code n} channels on all threads and returns when every chunk is done. */
    void run(RangeTask work, int n) {
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 channels: " + n);
        }
        if (workers.length == 0 || n < 2) {
            work.run(0, 0, n);
            return;
        }
        task = work;
        count = n;
        caller = Thread.currentThread();
        chunks = (n + CHUNK - 1) / CHUNK;
        chunksDone.set(0);
        int p = phase + 1;
        claims.set((long) p << 32 | (long) n << 16);
        phase = p; // publishes task, count and the claims of this phase to the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(0, p, work, n);
        awaitChunks();
    }

    /** Claims and runs chunks of phase {@code p} until none is left. */
    private void work(int index, int p, RangeTask work, int n) {
        while (true) {
            long c = claims.get();
            int from = (int) (c & 0xFFFF);
            int total = (int) (c >>> 16) & 0xFFFF;
            if ((int) (c >>> 32) != p || from >= total) {
                return;
            }
            int to = Math.min(total, from + CHUNK);
            if (!claims.compareAndSet(c, (c & ~0xFFFFL) | to)) {
                continue;
            }
            try {
                work.run(index, from, to);
            } catch (RuntimeException | Error e) {
                // A bug in one chunk must not stop the phase (the barrier would hang), nor kill a worker: a dead
                // worker leaves its share to the engine thread for good, silently halving the capacity.
                failures.incrementAndGet();
            } finally {
                if (chunksDone.incrementAndGet() == chunks && index != 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /**
     * Spins briefly, then parks until the last chunk's worker unparks this thread. Spinning without end is not an
     * option: under a real-time policy a spinning engine thread would keep a preempted worker off its core for a
     * whole round-robin slice (100 ms).
     */
    private void awaitChunks() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (chunksDone.get() < chunks) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(200_000L); // woken by the last worker; the timeout only bounds a lost wake-up
            }
        }
    }

    private void workerLoop(int index) {
        int seen = 0;
        while (running) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (phase == seen && running) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this); // until the next phase (unpark) or close; idle workers cost nothing
                }
            }
            if (!running) {
                return;
            }
            seen = phase;
            RangeTask work = task;
            int n = count;
            work(index, seen, work, n); // a stale read of task or count cannot claim: the phase number is checked
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
