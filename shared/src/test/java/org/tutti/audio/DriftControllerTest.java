package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The drift loop closed around a model of the playback path: a sender {@code ppm} faster than the sound card sends
 * 128-sample frames; playback consumes {@code ratio} × 128 samples per cycle; each new frame's margin (sequence in
 * samples − consumed, corrected by its wait until the cycle) is reported, as ClientAudioCycle does.
 */
class DriftControllerTest {
    private static final int FRAME = 128;

    /** A sender, a network and the consuming sound card, one cycle per {@link #cycle()}. */
    private static final class Loop {
        final DriftController controller = new DriftController(FRAME);
        final SplittableRandom random = new SplittableRandom(42);
        final double senderPeriod; // seconds per frame
        double jitterMeanSeconds = 0.0001;
        long seq;
        double nextArrival;
        double consumed;
        long cycles;
        double stallUntil = -1; // frames due before this arrive together at this time
        long seqOffset;         // added to reported sequence numbers (a restarted sender)
        double timeOffset;      // added to send times (a sender that paused)

        Loop(double ppm) {
            senderPeriod = FRAME / 48_000.0 / (1 + ppm * 1e-6);
            nextArrival = arrival(0);
        }

        double arrival(long s) {
            double t = 0.005 + timeOffset + s * senderPeriod - jitterMeanSeconds * Math.log(1 - random.nextDouble());
            return Math.max(t, stallUntil);
        }

        void cycle() {
            double now = cycles * FRAME / 48_000.0;
            while (nextArrival <= now) {
                double waited = (now - nextArrival) * 48_000; // at most one cycle: longer is a late callback
                controller.onFrameArrived((seq + seqOffset) * FRAME - consumed + Math.min(waited, FRAME));
                seq++;
                nextArrival = Math.max(nextArrival, arrival(seq));
            }
            consumed += FRAME * controller.ratio();
            controller.onCycle(FRAME);
            cycles++;
        }

        void run(double seconds) {
            long n = Math.round(seconds * 48_000 / FRAME);
            for (long i = 0; i < n; i++) {
                cycle();
            }
        }

        /** Frames the sender's (continuous) position is ahead of playback now. */
        double marginFrames() {
            double now = cycles * FRAME / 48_000.0;
            return (now - 0.005 - timeOffset) / senderPeriod - consumed / FRAME;
        }
    }

    @ParameterizedTest(name = "sender {0} ppm: margin within {1} frames")
    @CsvSource({"300, 0.1", "-300, 0.1", "2000, 0.5", "-2000, 0.5", "0, 0.1",
                "4500, 1.5"}) // near the clamp: acquiring takes longer
    void theRatioLocksOnTheSendersClockAndTheMarginStaysWithinAFractionOfAFrame(double ppm, double maxFrames) {
        Loop loop = new Loop(ppm);
        loop.run(1.5); // settle: the reference is taken after 1 s
        double start = loop.marginFrames();
        double worst = 0;
        for (int i = 0; i < 60 * 375; i++) {
            loop.cycle();
            worst = Math.max(worst, Math.abs(loop.marginFrames() - start));
        }
        assertThat(worst).as("largest margin excursion, frames").isLessThan(maxFrames);
        assertThat(loop.controller.ratioPpm()).isCloseTo((int) ppm, within(10));
    }

    @Test
    void networkBurstsBarelyMoveTheRatio() {
        Loop loop = new Loop(300);
        loop.jitterMeanSeconds = 0.0005;
        loop.run(20);
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int burst = 0; burst < 12; burst++) { // every 5 s the network stalls for 60 ms, then delivers at once
            loop.stallUntil = loop.cycles * FRAME / 48_000.0 + 0.06;
            loop.nextArrival = Math.max(loop.nextArrival, loop.stallUntil);
            for (int i = 0; i < 5 * 375; i++) {
                loop.cycle();
                lowest = Math.min(lowest, loop.controller.ratioPpm());
                highest = Math.max(highest, loop.controller.ratioPpm());
            }
        }
        // a stall is 22 frames late: followed as a clock, it would swing the ratio by thousands of ppm
        assertThat(lowest).isGreaterThan(300 - 150);
        assertThat(highest).isLessThan(300 + 150);
    }

    @Test
    void withoutArrivalsTheRateEstimateIsHeldAndARestartedStreamKeepsIt() {
        Loop loop = new Loop(800);
        loop.run(30);
        assertThat(loop.controller.ratioPpm()).isCloseTo(800, within(10));
        loop.nextArrival = Double.MAX_VALUE; // the stream stops
        loop.run(5);
        assertThat(loop.controller.ratioPpm()).isCloseTo(800, within(20));
        loop.seqOffset = 100_000; // a new stream with other sequence numbers, 5 s later
        loop.timeOffset = 5;
        loop.nextArrival = loop.arrival(loop.seq);
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int i = 0; i < 20 * 375; i++) {
            loop.cycle();
            lowest = Math.min(lowest, loop.controller.ratioPpm());
            highest = Math.max(highest, loop.controller.ratioPpm());
        }
        assertThat(lowest).isGreaterThan(800 - 200);
        assertThat(highest).isLessThan(800 + 200);
        assertThat(loop.controller.ratioPpm()).isCloseTo(800, within(10));
    }

    @Test
    void theRatioIsClampedToHalfAPercent() {
        Loop loop = new Loop(20_000); // 2 %: beyond what compensation is for
        loop.run(30);
        assertThat(loop.controller.ratio()).isEqualTo(1 + DriftController.MAX_DEVIATION);
    }
}
