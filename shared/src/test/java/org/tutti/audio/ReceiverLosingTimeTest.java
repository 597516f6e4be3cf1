package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a dummy JACK driver does on a busy machine: the receiver's clock runs slow by 0.1–0.2 % (its cycles take a
 * few microseconds longer than nominal), so surplus frames keep arriving and must be removed. Here: 64-sample frames
 * sent in pairs every 2.667 ms (a server ticking at 128 samples), a sender faster by {@code ppm}. Removing the
 * surplus cannot be avoided; the Tutti strategy removes it in fewer, larger steps than Jamulus's window moves.
 */
class ReceiverLosingTimeTest {
    @ParameterizedTest
    @ValueSource(ints = {1000, 2000})
    void surplusIsRemovedInFewerAudibleStepsThanByJamulusWindowMoves(int ppm) {
        long frameNanos = NetworkTrace.frameNanos(64);
        NetworkTrace trace = NetworkTrace.builder("pairs, sender +" + ppm + " ppm", 7, 48_000 / 64 * 120)
                .frameSamples(64).driftPpm(ppm)
                .delay((seq, send, random) -> (seq % 2 == 0 ? frameNanos : 0) + NetworkTrace.exponential(random, 50_000))
                .build();
        PlayoutSimulator.Result jamulus = run(trace, JitterBuffer.AutoStrategy.JAMULUS);
        PlayoutSimulator.Result tutti = run(trace, JitterBuffer.AutoStrategy.TUTTI);
        System.out.printf("%s: Jamulus %.1f dropouts/min at %.2f ms, Tutti %.1f dropouts/min at %.2f ms%n", trace.name,
                jamulus.dropoutsPerMinute(), jamulus.meanDelayMs(), tutti.dropoutsPerMinute(), tutti.meanDelayMs());
        assertThat(tutti.dropoutsPerMinute()).isLessThan(jamulus.dropoutsPerMinute() * 0.7);
        assertThat(tutti.concealedPerMinute()).isLessThan(1.0); // surplus is skipped, never concealed
        assertThat(tutti.meanDelayMs()).isLessThan(jamulus.meanDelayMs() + 1.5);
    }

    private static PlayoutSimulator.Result run(NetworkTrace trace, JitterBuffer.AutoStrategy strategy) {
        JitterBuffer buffer = new JitterBuffer(PlayoutSimulator.FRAME_BYTES, 64, true, 6);
        buffer.setAuto(strategy);
        return PlayoutSimulator.run(trace, strategy.name(), buffer);
    }
}
