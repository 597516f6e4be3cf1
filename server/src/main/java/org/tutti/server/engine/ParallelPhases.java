package org.tutti.server.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one phase of a tick (decode, or mix+encode) over contiguous ranges of channels on several threads
 * ({@code -T}): the engine thread takes the first range, each worker one of the others, and the engine thread waits
 * until all are done. Allocation free per tick; workers spin briefly, then park until the next phase.
 */
final class ParallelPhases implements AutoCloseable {
    /** The work of one phase for channels [from, to). */
    interface RangeTask {
        void run(int workerIndex, int from, int to);
    }

    private static final long SPIN_NANOS = 50_000;

    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long generation;
    private volatile RangeTask task;
    private volatile int count;
    private volatile boolean running = true;
    /** The thread that calls {@link #run} (the engine thread), woken by the last worker to finish. */
    private volatile Thread caller;

    ParallelPhases(int threads) {
        this.workers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            int index = i + 1;
            workers[i] = Thread.ofPlatform().daemon().name("server-mix-" + index).start(() -> workerLoop(index));
        }
    }

    /** Ranges whose work threw on a worker thread (the engine counts them as internal errors). */
    int failures() {
        return failures.get();
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code phase} over {@code n} channels on all threads and returns when every range is done. */
    void run(RangeTask phase, int n) {
        int parts = threads();
        if (parts == 1 || n < 2) {
            phase.run(0, 0, n);
            return;
        }
        task = phase;
        count = n;
        caller = Thread.currentThread();
        pending.set(workers.length);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        phase.run(0, 0, n / parts);
        awaitWorkers();
    }

    /**
     * Spins briefly, then parks until the last worker unparks this thread. Spinning without end is not an option:
     * under a real-time policy a spinning engine thread would keep a preempted worker off its core for a whole
     * round-robin slice (100 ms).
     */
    private void awaitWorkers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(200_000L); // woken by the last worker; the timeout only bounds a lost wake-up
            }
        }
    }

    private void workerLoop(int index) {
        long seen = 0;
        while (running) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && running) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this); // until the next phase (unpark) or close; idle workers cost nothing
                }
            }
            if (!running) {
                return;
            }
            seen = generation;
            int n = count;
            int parts = threads();
            try {
                task.run(index, index * n / parts, (index + 1) * n / parts);
            } catch (RuntimeException | Error e) {
                // A bug in one range must not stop this worker: a dead worker never counts down again, and the
                // engine thread would wait at the next barrier forever (alive, so no supervisor would notice).
                failures.incrementAndGet();
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
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
