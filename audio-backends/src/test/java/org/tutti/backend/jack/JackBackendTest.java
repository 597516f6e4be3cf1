package org.tutti.backend.jack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.testing.DummyJackd;

/** The JACK backend against a real dummy-driver jackd. */
class JackBackendTest {
    private final JackBackendProvider provider = new JackBackendProvider();

    @Test
    void followsTheServerPeriodAndNamesItsPortsLikeJamulus() throws Exception {
        try (DummyJackd jackd = DummyJackd.start(64)) {
            AtomicInteger frames = new AtomicInteger();
            CountDownLatch cycles = new CountDownLatch(50);
            AudioRequest request = new AudioRequest("tutti-ports", jackd.name(), 48_000, 128, true);
            try (AudioStream stream = provider.open(request, (in, out, n) -> {
                frames.set(n);
                cycles.countDown();
            })) {
                assertThat(stream.format().bufferFrames()).isEqualTo(64);
                assertThat(stream.format().sampleRate()).isEqualTo(48_000);
                stream.start();
                assertThat(cycles.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(frames.get()).isEqualTo(64);
                String ports = jackd.run("jack_lsp", "-c");
                assertThat(ports).contains("tutti-ports:input left", "tutti-ports:input right",
                        "tutti-ports:output left", "tutti-ports:output right");
                // auto-connect: system capture feeds our inputs, our outputs feed system playback
                assertThat(ports).containsPattern("tutti-ports:input left\\s+system:capture_1");
                assertThat(ports).containsPattern("tutti-ports:output right\\s+system:playback_2");
                stream.stop();
                assertThat(stream.isRunning()).isFalse();
            }
        }
    }

    @Test
    void passesAudioThroughRealJackConnections() throws Exception {
        try (DummyJackd jackd = DummyJackd.start(128)) {
            // Two clients: a generator writes a constant, a receiver sees it after jack_connect.
            AudioRequest gen = new AudioRequest("tutti-gen", jackd.name(), 48_000, 128, false);
            AudioRequest rec = new AudioRequest("tutti-rec", jackd.name(), 48_000, 128, false);
            AtomicReference<Float> seen = new AtomicReference<>(0f);
            CountDownLatch got = new CountDownLatch(1);
            try (AudioStream g = provider.open(gen, (in, out, n) -> java.util.Arrays.fill(out[1], 0.25f));
                 AudioStream r = provider.open(rec, (in, out, n) -> {
                     if (in[0][n - 1] != 0f) {
                         seen.set(in[0][n - 1]);
                         got.countDown();
                     }
                 })) {
                g.start();
                r.start();
                jackd.run("jack_connect", "tutti-gen:output right", "tutti-rec:input left");
                assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seen.get()).isEqualTo(0.25f);
            }
        }
    }

    @Test
    void opensFurtherPortsForMoreChannelsAndDeliversEachOnItsOwn() throws Exception {
        try (DummyJackd jackd = DummyJackd.start(128)) {
            AudioRequest gen = new AudioRequest("tutti-gen4", jackd.name(), 48_000, 128, false);
            AudioRequest rec = new AudioRequest("tutti-rec4", jackd.name(), 48_000, 128, true).withChannels(4, 3);
            float[] lastSeen = new float[4];
            CountDownLatch got = new CountDownLatch(1);
            try (AudioStream g = provider.open(gen, (in, out, n) -> java.util.Arrays.fill(out[0], 0.5f));
                 AudioStream r = provider.open(rec, (in, out, n) -> {
                     for (int c = 0; c < in.length; c++) {
                         lastSeen[c] = in[c][n - 1];
                     }
                     if (in[2][n - 1] != 0f) {
                         got.countDown();
                     }
                 })) {
                assertThat(r.format().inputChannels()).isEqualTo(4);
                assertThat(r.format().outputChannels()).isEqualTo(3);
                g.start();
                r.start();
                String ports = jackd.run("jack_lsp", "-c");
                assertThat(ports).contains("tutti-rec4:input 3", "tutti-rec4:input 4", "tutti-rec4:output 3")
                        .doesNotContain("tutti-rec4:output 4");
                // the dummy card has two capture ports: left and right are connected, input 3 and 4 are left free
                assertThat(ports).containsPattern("tutti-rec4:input right\\s+system:capture_2")
                        .doesNotContainPattern("tutti-rec4:input 3\\s+system:");
                jackd.run("jack_connect", "tutti-gen4:output left", "tutti-rec4:input 3");
                assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(lastSeen[2]).isEqualTo(0.5f);
                assertThat(lastSeen[0]).isZero();
                assertThat(lastSeen[3]).isZero();
            }
        }
    }

    /**
     * A cycle that overruns its period is still inside the JVM when the client stops. jack_deactivate would cancel
     * that thread asynchronously (the JVM then dies in jni_DetachCurrentThread or aborts on a corrupt heap); stop()
     * must instead let the thread end itself and return only once it is gone, and the stream must start again.
     */
    @Test
    void stopsWhileACycleOverrunsWithoutJackCancellingTheThreadInsideTheJvm() throws Exception {
        try (DummyJackd jackd = DummyJackd.start(128)) {
            long overrunNanos = TimeUnit.MILLISECONDS.toNanos(10); // ~4 periods of 2.7 ms
            AtomicReference<Thread> processThread = new AtomicReference<>();
            AtomicInteger cycles = new AtomicInteger();
            AudioRequest request = new AudioRequest("tutti-overrun", jackd.name(), 48_000, 128, false);
            try (AudioStream stream = provider.open(request, (in, out, n) -> {
                processThread.set(Thread.currentThread());
                cycles.incrementAndGet();
                long end = System.nanoTime() + overrunNanos;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            })) {
                for (int round = 1; round <= 5; round++) {
                    int before = cycles.get();
                    stream.start();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (cycles.get() < before + 5 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    assertThat(cycles.get()).as("cycles in round %d", round).isGreaterThanOrEqualTo(before + 5);
                    Thread thread = processThread.get();
                    stream.stop();
                    assertThat(thread.isAlive()).as("JACK's process thread after stop(), round %d", round).isFalse();
                    assertThat(stream.isRunning()).isFalse();
                }
                assertThat(jackd.run("jack_lsp")).contains("tutti-overrun:output left");
            }
            assertThat(jackd.run("jack_lsp")).doesNotContain("tutti-overrun");
        }
    }

    @Test
    void reportsTheServerGoingAwayWithoutKillingTheApp() throws Exception {
        DummyJackd jackd = DummyJackd.start(128);
        AtomicReference<String> reason = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(10);
        AudioCallback cb = new AudioCallback() {
            @Override
            public void process(float[][] in, float[][] out, int frames) {
                running.countDown();
            }

            @Override
            public void streamFailed(String why) {
                reason.set(why);
                failed.countDown();
            }
        };
        try (AudioStream stream = provider.open(new AudioRequest("tutti-gone", jackd.name(), 48_000, 128, false), cb)) {
            stream.start();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            jackd.close();
            assertThat(failed.await(15, TimeUnit.SECONDS)).isTrue();
            assertThat(reason.get()).contains("JACK server stopped");
            assertThat(stream.isRunning()).isFalse();
        } finally {
            jackd.close();
        }
    }

    @Test
    void isUnavailableWithAClearReasonWhenNoServerRuns() throws Exception {
        DummyJackd.assumeInstalled();
        JackServerSelector.select("tutti-no-such-server-" + ProcessHandle.current().pid());
        assertThat(provider.isAvailable()).isFalse();
        assertThat(provider.unavailableReason()).contains("no JACK server", "tutti-no-such-server");
        assertThat(provider.devices()).isEmpty();
        assertThatThrownBy(() -> provider.open(AudioRequest.of("tutti-x", 128), (in, out, n) -> { }))
                .isInstanceOf(AudioBackendException.class).hasMessageContaining("is it running?");
    }
}
