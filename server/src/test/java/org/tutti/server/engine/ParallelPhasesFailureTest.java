package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * An Error in a worker's chunk of a parallel phase (issue #10; workers run automatically from 64 clients). Before, the
 * worker thread died of it: the engine thread then did that worker's share alone for good, a silent loss of
 * capacity at exactly the load that needs it (and with the earlier fixed-range phases, the next barrier hung). Real
 * worker threads; the phases run on a separate "engine" thread so a hang shows as a time-out.
 */
class ParallelPhasesFailureTest {
    private static final int CHANNELS = 30 * ParallelPhases.CHUNK;

    @Test
    void workersSurviveAnErrorInTheirChunkAndKeepServingLaterPhases() throws Exception {
        try (ParallelPhases phases = new ParallelPhases(3)) {
            AtomicInteger workerErrors = new AtomicInteger();
            AtomicIntegerArray done = new AtomicIntegerArray(CHANNELS);
            AtomicIntegerArray chunksByThread = new AtomicIntegerArray(3);
            CompletableFuture<Void> engine = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    phases.run((worker, from, to) -> {
                        if (worker != 0) {
                            workerErrors.incrementAndGet();
                            // thrown, not provoked: a test JVM once died during tests provoking real overflows
                            throw new StackOverflowError("raised by the test on a worker");
                        }
                        // the engine thread holds its first chunk until both workers have failed one
                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (workerErrors.get() < 2 && System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }, CHANNELS);
                    for (int round = 0; round < 50; round++) {
                        phases.run((worker, from, to) -> {
                            chunksByThread.incrementAndGet(worker);
                            for (int i = from; i < to; i++) {
                                spinMicros(5); // some work per channel, so that every thread gets chunks
                                done.incrementAndGet(i);
                            }
                        }, CHANNELS);
                    }
                    engine.complete(null);
                } catch (Throwable t) {
                    engine.completeExceptionally(t);
                }
            });
            engine.get(60, TimeUnit.SECONDS);
            assertThat(workerErrors.get()).as("both workers met the Error").isGreaterThanOrEqualTo(2);
            assertThat(phases.failures()).isGreaterThanOrEqualTo(2);
            for (int i = 0; i < CHANNELS; i++) {
                assertThat(done.get(i)).as("channel %d processed in every later phase", i).isEqualTo(50);
            }
            assertThat(chunksByThread.get(1) + chunksByThread.get(2)).as("chunks the workers did afterwards")
                    .isPositive();
        }
    }


    private static void spinMicros(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
