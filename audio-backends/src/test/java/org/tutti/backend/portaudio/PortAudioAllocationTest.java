package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.testing.DummyJackd;

/**
 * Heap allocated on PortAudio's callback thread per cycle, measured with the JVM's per-thread allocation counter. Our
 * copying allocates nothing; what remains is JNA boxing the callback's arguments (about 260 bytes). One per-cycle
 * copy of a 128-frame buffer (528 bytes) would break the bound.
 */
class PortAudioAllocationTest {
    @Test
    void theCallbackAllocatesOnlyJnasArgumentBoxes() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (DummyJackd jackd = DummyJackd.start(128)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            long[] thread = {-1};
            long[] cycles = {0};
            CountDownLatch warm = new CountDownLatch(200);
            try (PortAudioStream s = (PortAudioStream) new PortAudioBackendProvider().open(
                    new AudioRequest("alloc", null, 48_000, 128, true), (in, out, n) -> {
                        thread[0] = Thread.currentThread().threadId();
                        cycles[0]++;
                        warm.countDown();
                    })) {
                s.start();
                assertThat(warm.await(10, TimeUnit.SECONDS)).isTrue();
                long bytes0 = threads.getThreadAllocatedBytes(thread[0]);
                long cycles0 = cycles[0];
                Thread.sleep(2000);
                long bytes = threads.getThreadAllocatedBytes(thread[0]) - bytes0;
                long n = cycles[0] - cycles0;
                System.out.printf("PortAudio callback thread: %d bytes over %d cycles = %.0f bytes/cycle%n",
                        bytes, n, (double) bytes / n);
                assertThat(n).isPositive();
                assertThat((double) bytes / n).isLessThan(512);
            }
        }
    }
}
