package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelPhasesTest {
    @Test
    void everyChannelIsRunExactlyOncePerPhaseWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelPhases phases = new ParallelPhases(threads)) {
                for (int phase = 0; phase < 2000; phase++) {
                    int n = phase % 151;
                    AtomicIntegerArray runs = new AtomicIntegerArray(n);
                    int[] byWorker = new int[threads];
                    phases.run((worker, from, to) -> {
                        for (int i = from; i < to; i++) {
                            runs.incrementAndGet(i);
                        }
                        synchronized (byWorker) {
                            byWorker[worker] += to - from;
                        }
                    }, n);
                    for (int i = 0; i < n; i++) {
                        assertThat(runs.get(i)).as("channel %d of %d, %d threads, phase %d, runs %s", i, n, threads, phase, runs).isEqualTo(1);
                    }
                    assertThat(Arrays.stream(byWorker).sum()).isEqualTo(n);
                }
            }
        }
    }

    @Test
    void aChunkThatThrowsIsCountedAndTheOthersStillRun() {
        try (ParallelPhases phases = new ParallelPhases(2)) {
            int n = 5 * ParallelPhases.CHUNK;
            AtomicIntegerArray runs = new AtomicIntegerArray(n);
            phases.run((worker, from, to) -> {
                if (from == ParallelPhases.CHUNK) {
                    throw new IllegalStateException("bug in one chunk");
                }
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            }, n);
            assertThat(phases.failures()).isEqualTo(1);
            for (int i = 0; i < n; i++) {
                boolean inFailedChunk = i >= ParallelPhases.CHUNK && i < 2 * ParallelPhases.CHUNK;
                assertThat(runs.get(i)).isEqualTo(inFailedChunk ? 0 : 1);
            }
        }
    }
}
