package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the Jamulus-style and the Tutti auto strategies over the same seeded five-minute traces and prints
 * the tables of docs/jitter-buffer.md; asserts the differences that the design claims.
 */
class JitterStrategyComparisonTest {

    /** Results per trace name: [0] Jamulus-style auto, [1] Tutti auto. */
    private static Map<String, PlayoutSimulator.Result[]> compare(int frameSamples) {
        Map<String, PlayoutSimulator.Result[]> results = new LinkedHashMap<>();
        int fiveMinutes = (int) (300e9 / NetworkTrace.frameNanos(frameSamples));
        for (NetworkTrace trace : JitterTraces.all(fiveMinutes, frameSamples)) {
            results.put(trace.name, new PlayoutSimulator.Result[] {
                PlayoutSimulator.run(trace, "jamulus", buffer(frameSamples, JitterBuffer.AutoStrategy.JAMULUS, null)),
                PlayoutSimulator.run(trace, "tutti", buffer(frameSamples, JitterBuffer.AutoStrategy.TUTTI, null))});
        }
        System.out.println(frameSamples + "-sample frames\n" + table(results));
        return results;
    }

    @Test
    void tuttiAutoHasFewerDropoutsThanJamulusAutoOnTheSameTraces() {
        Map<String, PlayoutSimulator.Result[]> results = compare(128);
        System.out.println(budgetSweep(JitterTraces.all(JitterTraces.FIVE_MINUTES_128).get(1)));

        assertThat(sumDropouts(results, 1)).as("dropouts per minute, summed over traces")
                .isLessThan(sumDropouts(results, 0) / 1.5);
        for (String drift : List.of("sender +300 ppm (exp 0.5 ms)", "sender -300 ppm (exp 0.5 ms)")) {
            // 300 ppm forces one inserted or removed frame per 8.9 s (6.75/min) whatever the strategy.
            assertThat(results.get(drift)[1].dropoutsPerMinute()).as(drift).isLessThan(9.0)
                    .isLessThan(results.get(drift)[0].dropoutsPerMinute());
        }
        PlayoutSimulator.Result[] loss = results.get("loss 2% (exp 0.5 ms)");
        assertThat(loss[1].meanDelayMs()).as("loss is not mistaken for jitter").isLessThan(loss[0].meanDelayMs() / 2);
        PlayoutSimulator.Result[] steady = results.get("steady (exp 0.2 ms)");
        assertThat(steady[1].meanDelayMs()).as("steady delay").isLessThan(steady[0].meanDelayMs() + 0.5);
        assertThat(steady[1].dropoutsPerMinute()).as("steady dropouts").isLessThanOrEqualTo(steady[0].dropoutsPerMinute());
    }

    @Test
    void tuttiAutoAlsoHasFewerDropoutsWithSixtyFourSampleFrames() {
        Map<String, PlayoutSimulator.Result[]> results = compare(64);
        assertThat(sumDropouts(results, 1)).as("dropouts per minute, summed over traces")
                .isLessThan(sumDropouts(results, 0) / 1.5);
    }

    private static double sumDropouts(Map<String, PlayoutSimulator.Result[]> results, int strategy) {
        return results.values().stream().mapToDouble(r -> r[strategy].dropoutsPerMinute()).sum();
    }

    private static String table(Map<String, PlayoutSimulator.Result[]> results) {
        StringBuilder table = new StringBuilder();
        table.append("| trace | net loss/min | Jamulus: dropouts/min | concealed/min | mean delay ms | p99 delay ms"
                + " | Tutti: dropouts/min | concealed/min | mean delay ms | p99 delay ms |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, PlayoutSimulator.Result[]> e : results.entrySet()) {
            PlayoutSimulator.Result j = e.getValue()[0];
            PlayoutSimulator.Result t = e.getValue()[1];
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f | %.2f | %.1f |%n",
                    e.getKey(), j.networkLostPerMinute(), j.dropoutsPerMinute(), j.concealedPerMinute(), j.meanDelayMs(),
                    j.p99DelayMs(), t.dropoutsPerMinute(), t.concealedPerMinute(), t.meanDelayMs(), t.p99DelayMs()));
        }
        return table.toString();
    }

    /** The Tutti strategy's dropout/delay trade-off as its late-event budget varies, on one trace. */
    private static String budgetSweep(NetworkTrace trace) {
        StringBuilder sweep = new StringBuilder("| Tutti budget: one late event per | dropouts/min | mean delay ms |\n|---|---|---|\n");
        int fps = 48_000 / trace.frameSamples;
        for (double seconds : new double[] {1, 3, 10, 30}) {
            AdaptiveTuning defaults = AdaptiveTuning.defaults(trace.frameSamples);
            AdaptiveTuning tuning = new AdaptiveTuning(defaults.windowFrames(), 1.0 / (seconds * fps),
                    defaults.safetyFrames(), defaults.shrinkAfterGets(), defaults.forceShrinkAfterGets());
            PlayoutSimulator.Result r = PlayoutSimulator.run(trace, "tutti",
                    buffer(trace.frameSamples, JitterBuffer.AutoStrategy.TUTTI, tuning));
            sweep.append(String.format(Locale.ROOT, "| %.0f s | %.1f | %.2f |%n", seconds, r.dropoutsPerMinute(), r.meanDelayMs()));
        }
        return "trace: " + trace.name + "\n" + sweep;
    }

    private static JitterBuffer buffer(int frameSamples, JitterBuffer.AutoStrategy strategy, AdaptiveTuning tuning) {
        JitterBuffer buffer = new JitterBuffer(PlayoutSimulator.FRAME_BYTES, frameSamples, true, 6);
        if (tuning != null) {
            buffer.setAdaptiveTuning(tuning);
        }
        buffer.setAuto(strategy);
        return buffer;
    }
}
