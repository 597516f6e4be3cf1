package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * An Error in one worker's range of a parallel phase (issue #10). Before, the worker thread died of it; the next
 * phase then waited for that worker forever, so the engine thread hung, alive, where no supervisor could see it.
 * Real worker threads; the phases run on a separate "engine" thread so a hang shows as a time-out, not a stuck build.
 */
class ParallelPhasesFailureTest {

    @Test
    void anErrorInAWorkersRangeIsCountedAndTheNextPhasesStillComplete() throws Exception {
        try (ParallelPhases phases = new ParallelPhases(3)) {
            int n = 30;
            AtomicIntegerArray done = new AtomicIntegerArray(n);
            CompletableFuture<Void> engine = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    phases.run((worker, from, to) -> {
                        if (worker == 2) {
                            overflow(0); // a real StackOverflowError on worker 2
                        }
                    }, n);
                    for (int round = 0; round < 100; round++) {
                        phases.run((worker, from, to) -> {
                            for (int i = from; i < to; i++) {
                                done.incrementAndGet(i);
                            }
                        }, n);
                    }
                    engine.complete(null);
                } catch (Throwable t) {
                    engine.completeExceptionally(t);
                }
            });
            engine.get(30, TimeUnit.SECONDS); // before the fix: TimeoutException, the second phase never ended
            assertThat(phases.failures()).isEqualTo(1);
            for (int i = 0; i < n; i++) {
                assertThat(done.get(i)).as("channel %d processed in every later phase", i).isEqualTo(100);
            }
        }
    }

    private static int overflow(int depth) {
        return overflow(depth + 1) + 1;
    }
}
