package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;

/** The PortAudio backend through PortAudio's JACK host API, on a real dummy-driver jackd. */
class PortAudioJackTest {
    private final PortAudioBackendProvider provider = new PortAudioBackendProvider();

    @ParameterizedTest(name = "{0} frames")
    @ValueSource(ints = {64, 128, 256})
    void opensADuplexFloatStreamOnJackAndHearsAnotherClient(int frames) throws Exception {
        PortAudioTestSupport.requirePortAudio();
        try (DummyJackd jackd = DummyJackd.start(128)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            assertThat(provider.unavailableReason()).isEmpty();
            assertThat(provider.devices()).extracting(d -> d.name())
                    .contains("JACK Audio Connection Kit: system");

            AtomicInteger seenFrames = new AtomicInteger();
            AtomicReference<Float> seen = new AtomicReference<>(0f);
            CountDownLatch heard = new CountDownLatch(1);
            AudioRequest request = new AudioRequest("tutti-pa" + frames, null, 48_000, frames, true);
            try (AudioStream gen = new JackBackendProvider().open(
                    new AudioRequest("gen", jackd.name(), 48_000, 128, false), (in, out, n) -> Arrays.fill(out[0], 0.25f));
                 PortAudioStream pa = (PortAudioStream) provider.open(request, (in, out, n) -> {
                     seenFrames.set(n);
                     if (in[1][n - 1] != 0f) {
                         seen.set(in[1][n - 1]);
                         heard.countDown();
                     }
                 })) {
                assertThat(pa.format()).isEqualTo(new org.tutti.backend.AudioFormat(48_000, frames, 2, 2));
                assertThat(pa.description()).startsWith("JACK Audio Connection Kit: system").endsWith("48000 Hz");
                assertThat(pa.deviceSampleRate()).isEqualTo(48_000);
                gen.start();
                pa.start();
                String ports = jackd.run("jack_lsp", "-c");
                assertThat(ports).contains("tutti-pa" + frames + ":in_0", "tutti-pa" + frames + ":out_1");
                // PortAudio connects its ports to the chosen device, like Tutti's own JACK backend does
                assertThat(ports).containsPattern("tutti-pa" + frames + ":out_0\\s+system:playback_1");
                jackd.run("jack_connect", "gen:output left", "tutti-pa" + frames + ":in_1");
                assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seen.get()).isEqualTo(0.25f);
                assertThat(seenFrames.get()).isEqualTo(frames);
                assertThat(pa.cycles()).isPositive();
                // the driver's latency: at least the JACK period on the output side
                assertThat(pa.outputLatencyMs()).isGreaterThan(0);
                System.out.printf("PortAudio/JACK %d frames: reported input %.2f ms, output %.2f ms%n", frames,
                        pa.inputLatencyMs(), pa.outputLatencyMs());
                pa.stop();
                assertThat(pa.isRunning()).isFalse();
            }
        }
    }

    @Test
    void resamplesA44kHzOnlyDeviceTo48kHz() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        try (DummyJackd jackd = DummyJackd.start(128, 44_100)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            AtomicInteger seenFrames = new AtomicInteger();
            AtomicReference<Float> seen = new AtomicReference<>(0f);
            CountDownLatch settled = new CountDownLatch(20);
            AudioRequest request = new AudioRequest("tutti-pa44", null, 48_000, 128, false);
            try (AudioStream gen = new JackBackendProvider().open(
                    new AudioRequest("gen", jackd.name(), 48_000, 128, false), (in, out, n) -> Arrays.fill(out[0], 0.25f));
                 PortAudioStream pa = (PortAudioStream) provider.open(request, (in, out, n) -> {
                     seenFrames.set(n);
                     Arrays.fill(out[0], in[0][n - 1]); // loop back, so the device sees the resampled output too
                     if (Math.abs(in[0][n - 1] - 0.25f) < 1e-4f) {
                         seen.set(in[0][n - 1]);
                         settled.countDown();
                     }
                 })) {
                assertThat(gen.format().sampleRate()).isEqualTo(44_100);
                assertThat(pa.deviceSampleRate()).isEqualTo(44_100);
                assertThat(pa.format().sampleRate()).isEqualTo(48_000);
                gen.start();
                pa.start();
                jackd.run("jack_connect", "gen:output left", "tutti-pa44:in_0");
                assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seenFrames.get()).isEqualTo(128);
                assertThat(seen.get()).isCloseTo(0.25f, org.assertj.core.api.Assertions.within(1e-4f));
                assertThat(pa.latencyMs()).isGreaterThan(pa.inputLatencyMs() + pa.outputLatencyMs());
            }
        }
    }

    @Test
    void opensFourChannelsOfAFourPortCardAndKeepsEachOnItsOwn() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        try (DummyJackd jackd = DummyJackd.start(128, 48_000, 4, 4)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            assertThat(provider.devices()).filteredOn(d -> d.name().endsWith("system"))
                    .extracting(d -> d.inputChannels()).containsExactly(4);
            AtomicReference<float[]> lastInputs = new AtomicReference<>(new float[4]);
            CountDownLatch heard = new CountDownLatch(1);
            CountDownLatch probeHeard = new CountDownLatch(1);
            AtomicReference<Float> probeSeen = new AtomicReference<>(0f);
            AudioRequest request = new AudioRequest("tutti-pa4", null, 48_000, 128, false).withChannels(4, 4);
            try (AudioStream gen = new JackBackendProvider().open(
                    new AudioRequest("gen", jackd.name(), 48_000, 128, false), (in, out, n) -> Arrays.fill(out[0], 0.25f));
                 AudioStream probe = new JackBackendProvider().open(
                         new AudioRequest("probe", jackd.name(), 48_000, 128, false), (in, out, n) -> {
                             if (in[0][n - 1] != 0f) {
                                 probeSeen.set(in[0][n - 1]);
                                 probeHeard.countDown();
                             }
                         });
                 PortAudioStream pa = (PortAudioStream) provider.open(request, (in, out, n) -> {
                     Arrays.fill(out[3], 0.125f); // only the fourth output carries anything
                     if (in[2][n - 1] != 0f) {
                         lastInputs.set(new float[] {in[0][n - 1], in[1][n - 1], in[2][n - 1], in[3][n - 1]});
                         heard.countDown();
                     }
                 })) {
                assertThat(pa.format()).isEqualTo(new org.tutti.backend.AudioFormat(48_000, 128, 4, 4));
                gen.start();
                probe.start();
                pa.start();
                assertThat(jackd.run("jack_lsp")).contains("tutti-pa4:in_3", "tutti-pa4:out_3");
                jackd.run("jack_connect", "gen:output left", "tutti-pa4:in_2");
                jackd.run("jack_connect", "tutti-pa4:out_3", "probe:input left");
                assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(lastInputs.get()).containsExactly(0f, 0f, 0.25f, 0f);
                assertThat(probeHeard.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(probeSeen.get()).isEqualTo(0.125f);
            }
            // a stereo request on the same card still gets two channels
            try (AudioStream s = provider.open(new AudioRequest("t2", null, 48_000, 128, false), (in, out, n) -> { })) {
                assertThat(s.format().inputChannels()).isEqualTo(2);
                assertThat(s.format().outputChannels()).isEqualTo(2);
            }
        }
    }

    @Test
    void anUnknownDeviceIsReportedWithTheReason() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        try (DummyJackd jackd = DummyJackd.start(128)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            assertThat(provider.unavailableReason("no such card 7")).contains("no such card 7", "JACK");
            assertThatThrownBy(() -> provider.open(new AudioRequest("t", "no such card 7", 48_000, 128, true),
                    (in, out, n) -> { }))
                    .isInstanceOf(AudioBackendException.class).hasMessageContaining("no such card 7");
            // the failed open released PortAudio: a later open works
            try (AudioStream s = provider.open(new AudioRequest("t2", "system", 48_000, 128, true), (in, out, n) -> { })) {
                assertThat(s.format().bufferFrames()).isEqualTo(128);
            }
        }
    }
}
