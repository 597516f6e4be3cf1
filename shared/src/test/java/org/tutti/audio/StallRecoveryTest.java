package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sender that stalls once (a sound card or machine hiccup) must cost the listener the stall and no more: Tutti's
 * automatic buffer conceals no more frames, with no more dropouts, than Jamulus's window does on the same trace.
 * Two kinds of stall: one that catches up (the frames of the stall arrive in a burst at its end) and one that loses
 * the time (every later frame arrives that much later). The second once cost 77 concealed frames in a row at 20 ms
 * (205 ms of near silence, issue 16): holds and surplus removals undid each other until the median arrival caught up.
 */
class StallRecoveryTest {
    private static final long STALL_AT_NANOS = 40_000_000_000L;

    @ParameterizedTest(name = "{0} samples, {1} ms stall, catches up: {2}")
    @CsvSource({
        "128, 20, false", "128, 15, false", "128, 40, false", "64, 20, false", "64, 10, false",
        "128, 20, true", "128, 40, true", "64, 20, true",
    })
    void aSingleStallCostsNoMoreThanUnderJamulussWindow(int frameSamples, int stallMs, boolean catchesUp) {
        PlayoutSimulator.Result tutti = run(frameSamples, stallMs, catchesUp, JitterBuffer.AutoStrategy.TUTTI);
        PlayoutSimulator.Result jamulus = run(frameSamples, stallMs, catchesUp, JitterBuffer.AutoStrategy.JAMULUS);
        String both = "\n Tutti:   " + tutti + "\n Jamulus: " + jamulus;
        assertThat(tutti.concealedGets()).as("concealed frames" + both).isLessThanOrEqualTo(jamulus.concealedGets());
        assertThat(tutti.dropouts()).as("dropouts" + both).isLessThanOrEqualTo(jamulus.dropouts());
        // never more than the stall itself plus one frame of silence
        long stallFrames = (stallMs * 48L + frameSamples - 1) / frameSamples;
        assertThat(tutti.concealedGets()).as("concealed frames" + both).isLessThanOrEqualTo(stallFrames + 1);
        // and no more delay than Jamulus's window plus the one frame a step back can add
        double frameMs = frameSamples / 48.0;
        assertThat(tutti.meanDelayMs()).as("mean delay" + both).isLessThanOrEqualTo(jamulus.meanDelayMs() + frameMs);
    }

    private static PlayoutSimulator.Result run(int frameSamples, int stallMs, boolean catchesUp,
                                               JitterBuffer.AutoStrategy strategy) {
        long stallNanos = stallMs * 1_000_000L;
        NetworkTrace trace = NetworkTrace.builder("stall", 3, (int) (60e9 / NetworkTrace.frameNanos(frameSamples)))
                .frameSamples(frameSamples)
                .delay((seq, t, r) -> stallDelay(t, stallNanos, catchesUp) + NetworkTrace.exponential(r, 200_000))
                .build();
        JitterBuffer buffer = new JitterBuffer(PlayoutSimulator.FRAME_BYTES, frameSamples, true, 10);
        buffer.setAuto(strategy);
        return PlayoutSimulator.run(trace, strategy.name(), buffer);
    }

    private static long stallDelay(long sendNanos, long stallNanos, boolean catchesUp) {
        if (sendNanos < STALL_AT_NANOS) {
            return 0;
        }
        if (!catchesUp) {
            return stallNanos;
        }
        return sendNanos < STALL_AT_NANOS + stallNanos ? STALL_AT_NANOS + stallNanos - sendNanos : 0;
    }
}
