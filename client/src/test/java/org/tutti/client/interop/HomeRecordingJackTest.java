package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.engine.HomeRecorder;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * Recording at home on a real (dummy-driver) jackd: noise bursts feed the client's inputs. First in the sound check
 * with "hear myself" on, where what the card plays in a cycle is that cycle's input: the mix track must equal the
 * own-input track sample for sample (cross-correlation peak at lag 0). Then connected to the real Jamulus 3.9.1
 * server, which mixes our own channel back to us: the input reappears in the mix after the round trip, and the
 * cross-correlation of each clean half-second window has one sharp peak at that lag, and the lags of all windows
 * differ by whole codec frames only (the jitter buffer settling), never by a drift: one sample clock.
 */
class HomeRecordingJackTest {
    @TempDir
    Path dir;

    @Test
    void ownInputAndMixAreTheSameCyclesSampleForSample() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10);
             AudioStream noise = TakeFiles.noiseBursts(jack.serverName(), "noise");
             ClientEngine engine = new ClientEngine(ClientOptions.defaults(new JackBackendProvider(), "Rec")
                     .withAudio(jack.serverName(), 128, false), new ClientListener() { })) {
            engine.setSoundCheck(true);
            Await.until("ports", () -> jack.describePorts().contains("Rec:input left"));
            jack.connect("noise:output left", "Rec:input left");
            jack.connect("noise:output right", "Rec:input right");
            Await.until("input heard", () -> engine.inputPeakLeft() > 0.1f);

            // 1. the sound check with hear myself: the mix is the input of the same cycle
            engine.setHearMyself(true);
            Path take = record(engine, dir.resolve("takes"), 2);
            short[] own = TakeFiles.left(take.resolve("own-input.wav"));
            short[] mix = TakeFiles.left(take.resolve("mix.wav"));
            assertThat(mix.length).as("equal lengths").isEqualTo(own.length).isGreaterThanOrEqualTo(2 * TakeFiles.RATE);
            int n = TakeFiles.RATE / 2;
            int maxLag = TakeFiles.RATE / 20;
            double[] c = TakeFiles.correlation(own, mix, maxLag + TakeFiles.RATE / 2, n, -maxLag, maxLag);
            int lag = TakeFiles.argmax(c) - maxLag;
            System.out.printf("sound check take: %d frames, correlation peak %.4f at lag %d%n", own.length,
                    c[lag + maxLag], lag);
            assertThat(lag).as("lag of the mix behind the input (samples)").isZero();
            assertThat(mix).as("hear myself plays the recorded input itself").isEqualTo(own);

            // 2. connected: our channel comes back in the server's mix after the round trip
            engine.connect("127.0.0.1:" + server.udpPort()).get(15, TimeUnit.SECONDS);
            Await.until("the server's mix arrives", () -> engine.status().packetsReceived() > 200);
            take = record(engine, dir.resolve("takes"), 4);
            own = TakeFiles.left(take.resolve("own-input.wav"));
            mix = TakeFiles.left(take.resolve("mix.wav"));
            assertThat(mix.length).as("equal lengths").isEqualTo(own.length).isGreaterThanOrEqualTo(4 * TakeFiles.RATE);
            int maxRoundTrip = TakeFiles.RATE * 4 / 10;
            // Half-second windows over the take: a window where the adaptive jitter buffer moved or a frame was
            // concealed splits its peak between two lags (a whole number of codec frames apart); the clean ones must
            // show one sharp peak, at lags that differ by whole codec frames only: never a drift of the tracks.
            List<Integer> lags = new ArrayList<>();
            for (int from = TakeFiles.RATE / 4; from + n + maxRoundTrip < own.length; from += n) {
                double[] cc = TakeFiles.correlation(own, mix, from, n, 0, maxRoundTrip);
                int peak = TakeFiles.argmax(cc);
                double elsewhere = TakeFiles.largestAwayFrom(cc, peak, 48);
                boolean sharp = cc[peak] > 0.6 && elsewhere < cc[peak] / 2;
                System.out.printf("  window at %d: peak %.3f at %d samples (%.1f ms), elsewhere at most %.3f%s%n", from,
                        cc[peak], peak, peak / 48.0, elsewhere, sharp ? "" : " (not clean: skipped)");
                if (sharp) {
                    lags.add(peak);
                }
            }
            System.out.printf("connected take: %d frames, round-trip lags %s, ping %d ms%n", own.length, lags,
                    engine.status().pingMs());
            assertThat(lags).as("clean windows").hasSizeGreaterThanOrEqualTo(2);
            assertThat(lags.getFirst()).as("the mix follows the input by the round trip").isPositive();
            for (int windowLag : lags) {
                assertThat(Math.floorMod(windowLag - lags.getFirst(), 64)).as("same clock: lags %s", lags).isZero();
            }
        }
    }

    /** Records about {@code seconds} and stops; returns the take folder. */
    private static Path record(ClientEngine engine, Path parent, int seconds) throws Exception {
        Path take = engine.startRecording(parent);
        HomeRecorder r = engine.recording();
        Await.value("a " + seconds + " s take", Duration.ofSeconds(seconds + 20), r::framesWritten,
                f -> f >= (long) seconds * TakeFiles.RATE + TakeFiles.RATE / 2);
        assertThat(engine.stopRecording()).isEqualTo(take);
        assertThat(r.error()).isNull();
        assertThat(take.getFileName().toString()).matches("Tutti-\\d{8}-\\d{6}(-\\d+)?");
        return take;
    }
}
