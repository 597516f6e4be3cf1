package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.codec.OpusEncoder;
import org.tutti.codec.OpusQuality;

/**
 * A server whose clock runs {@code ppm} faster (positive) or slower than the sound card's, streaming real Opus frames
 * with sequence numbers over a slightly jittery network into the real audio path on the simulated sound card (the
 * fake backend, one cycle per simulated period). Without drift compensation the surplus or shortfall costs a skipped
 * or concealed frame every few seconds; with it, playback follows the server's clock and nothing is skipped.
 */
class ClockDriftTest {
    // The loop locks within seconds; the adaptive playout (which starts at the same time) takes longer to settle: at
    // +2000 ppm with 64-sample frames it learns from a few late frames (up to ~35 s) that the frames' arrival now
    // slides through the cycle (every 0.67 s) and it needs a little more margin at the worst phase: this happens
    // with or without compensation (the drift itself moves the phase), but the no-drift baseline has a fixed phase.
    private static final double SETTLE_SECONDS = 40;
    private static final double MEASURE_SECONDS = 60;

    record Outcome(long dropouts, long skips, long concealed, double meanDelayFirst, double meanDelayLast,
                   int maxDelayFrames, int ratioPpm, int minRatioPpm, int maxRatioPpm, long lateCallbacks) {
    }

    @ParameterizedTest(name = "server {0} ppm, {1}-sample period")
    @CsvSource({"300, 128", "-300, 128", "2000, 128", "300, 64", "-300, 64", "2000, 64"})
    void driftNoLongerCausesDropoutsAndTheDelayStaysPut(int ppm, int period) {
        Outcome noDrift = simulate(0, period, false);
        Outcome before = simulate(ppm, period, false);
        Outcome after = simulate(ppm, period, true);
        System.out.printf("%+d ppm, period %d: without %s%n%18s with    %s%n%18s no drift %s%n", ppm, period, before,
                "", after, "", noDrift);
        assertThat(before.dropouts()).as("dropouts without compensation").isGreaterThanOrEqualTo(3);
        assertThat(before.ratioPpm()).as("switched off: no resampling").isZero();
        assertThat(after.dropouts()).as("dropouts with compensation").isZero();
        assertThat(after.skips()).isZero();
        assertThat(after.concealed()).isZero();
        assertThat(after.ratioPpm()).isCloseTo(ppm, within(60));
        // latency: the delay does not creep up over the minute and stays where it is without any drift
        assertThat(after.meanDelayLast()).isLessThanOrEqualTo(after.meanDelayFirst() + 0.5);
        assertThat(after.meanDelayLast()).isLessThanOrEqualTo(noDrift.meanDelayLast() + 0.5);
        assertThat(after.maxDelayFrames()).isLessThanOrEqualTo(noDrift.maxDelayFrames() + 1);
    }

    @Test
    void aSoundCardThatStallsNowAndThenLosesThoseFramesOnceAndKeepsItsRatio() {
        // every 10 s the card's callbacks stop for 75 ms and that time is lost (28 cycles of 128 never happen)
        Outcome before = simulate(300, 128, false, 10, 28);
        Outcome after = simulate(300, 128, true, 10, 28);
        System.out.printf("+300 ppm with stalls: without %s%n%22s with    %s%n", before, "", after);
        // the stalls themselves cost dropouts either way (the jitter buffer removes what piled up); drift adds none
        assertThat(after.dropouts()).isLessThanOrEqualTo(before.dropouts());
        assertThat(after.skips()).isGreaterThanOrEqualTo(6 * 20); // the surplus went, and only once
        assertThat(after.lateCallbacks()).isEqualTo(9); // stalls at 10, 20, ... 90 s
        assertThat(simulate(300, 128, true).lateCallbacks()).isZero();
        assertThat(after.ratioPpm()).isCloseTo(300, within(60));
        assertThat(after.minRatioPpm()).isGreaterThan(300 - 150);
        assertThat(after.maxRatioPpm()).isLessThan(300 + 150);
    }

    @Test
    void aDriverThatCatchesUpAfterAStallNeitherSkipsNorShiftsTheRatio() {
        // every 10 s one callback comes 15 ms late, then the driver catches up with 28 cycles at 0.6 of the period:
        // no time is lost, so nothing may be skipped and the loop must not read the lateness as a clock rate
        Outcome after = simulate(300, 128, true, 10, -28);
        System.out.printf("+300 ppm with catch-ups: %s%n", after);
        assertThat(after.dropouts()).isZero();
        assertThat(after.lateCallbacks()).isEqualTo(9);
        assertThat(after.minRatioPpm()).isGreaterThan(300 - 100);
        assertThat(after.maxRatioPpm()).isLessThan(300 + 100);
        assertThat(after.meanDelayLast()).isLessThanOrEqualTo(after.meanDelayFirst() + 0.5);
    }

    private static Outcome simulate(int ppm, int period, boolean compensate) {
        return simulate(ppm, period, compensate, 0, 0);
    }

    /**
     * @param stallEverySeconds 0, or how often the card stalls
     * @param stallCycles       cycles lost per stall; negative: one callback is late by 0.4 × that many periods and
     *                          the next that many cycles come at 0.6 of the period (the driver catches up)
     */
    private static Outcome simulate(int ppm, int period, boolean compensate, int stallEverySeconds, int stallCycles) {
        StreamConfig config = StreamConfig.choose(period, true, OpusQuality.NORMAL, ChannelMode.MONO_IN_STEREO_OUT);
        int frameSamples = config.frameSamples();
        int channels = config.networkChannels();
        PacketRing ring = new PacketRing(64);
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> { }, 0, compensate);
        path.withSequenceNumber = true;
        long[] nowNanos = {0};
        path.clockNanos = () -> nowNanos[0]; // the sound card's time: one period per cycle
        FakeStream stream = FakeBackendProvider.openFake(period, path);
        stream.start();
        SplittableRandom random = new SplittableRandom(ppm * 31L + period);
        double devicePeriodSeconds = period / 48_000.0;
        double senderFrameSeconds = frameSamples / 48_000.0 / (1 + ppm * 1e-6); // positive ppm: the server is faster
        short[] pcm = new short[frameSamples * channels];
        byte[] packet = new byte[config.codedBytes() + 1];
        long cycles = Math.round((SETTLE_SECONDS + MEASURE_SECONDS) / devicePeriodSeconds);
        long settleCycles = Math.round(SETTLE_SECONDS / devicePeriodSeconds);
        long tenSeconds = Math.round(10 / devicePeriodSeconds);
        long stallEvery = stallEverySeconds == 0 ? Long.MAX_VALUE : Math.round(stallEverySeconds / devicePeriodSeconds);
        int minPpm = Integer.MAX_VALUE;
        int maxPpm = Integer.MIN_VALUE;
        long seq = 0;
        double nextArrival = arrival(0, senderFrameSeconds, random, 0);
        long dropouts0 = 0, skips0 = 0, concealed0 = 0;
        double delayFirst = 0, delayLast = 0;
        int maxDelay = 0;
        try (OpusEncoder encoder = new OpusEncoder(frameSamples, channels, config.codedBytes())) {
            double shiftPeriods = 0; // the card's callbacks relative to their nominal times, in periods
            long catchUpUntil = -1;
            for (long c = 0; c < cycles; c++) {
                if (c > 0 && c % stallEvery == 0) {
                    if (stallCycles > 0) {
                        shiftPeriods += stallCycles; // lost: the callbacks never come back to the old schedule
                    } else {
                        shiftPeriods += -0.4 * stallCycles;
                        catchUpUntil = c - stallCycles;
                    }
                } else if (c <= catchUpUntil) {
                    shiftPeriods -= 0.4;
                }
                double now = (c + shiftPeriods) * devicePeriodSeconds;
                nowNanos[0] = Math.round(now * 1e9);
                while (nextArrival <= now) { // the network delivers what has arrived before this cycle
                    for (int i = 0; i < frameSamples; i++) {
                        short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * (seq * frameSamples + i) / 48_000));
                        pcm[i * channels] = v;
                        pcm[i * channels + channels - 1] = v;
                    }
                    int n = encoder.encode(pcm, 0, packet, 0);
                    packet[n] = (byte) seq;
                    ring.offer(packet, 0, n + 1, Math.round(nextArrival * 1e9));
                    seq++;
                    nextArrival = arrival(seq, senderFrameSeconds, random, nextArrival);
                }
                stream.runCycles(1);
                if (c == settleCycles) {
                    dropouts0 = path.dropouts;
                    skips0 = path.skips;
                    concealed0 = path.framesConcealed;
                }
                if (c >= settleCycles) {
                    minPpm = Math.min(minPpm, path.playbackRatioPpm);
                    maxPpm = Math.max(maxPpm, path.playbackRatioPpm);
                    maxDelay = Math.max(maxDelay, path.playoutDelayFrames);
                    if (c < settleCycles + tenSeconds) {
                        delayFirst += path.playoutDelayFrames;
                    } else if (c >= cycles - tenSeconds) {
                        delayLast += path.playoutDelayFrames;
                    }
                }
            }
        }
        path.close();
        return new Outcome(path.dropouts - dropouts0, path.skips - skips0, path.framesConcealed - concealed0,
                delayFirst / tenSeconds, delayLast / tenSeconds, maxDelay, path.playbackRatioPpm, minPpm, maxPpm,
                path.lateCallbacks);
    }

    /** Send time of frame {@code seq} plus a small exponential network jitter (mean 0.1 ms); frames keep order. */
    private static double arrival(long seq, double senderFrameSeconds, SplittableRandom random, double previous) {
        double jitter = -0.0001 * Math.log(1 - random.nextDouble());
        return Math.max(previous, 0.005 + seq * senderFrameSeconds + jitter);
    }
}
