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
    private final Map<String, PlayoutSimulator.Result> jamulus = new LinkedHashMap<>();
    private final Map<String, PlayoutSimulator.Result> tutti = new LinkedHashMap<>();

    @Test
    void tuttiAutoHasFewerDropoutsThanJamulusAutoOnTheSameTraces() {
        List<NetworkTrace> traces = JitterTraces.all(JitterTraces.FIVE_MINUTES);
        for (NetworkTrace trace : traces) {
            jamulus.put(trace.name, PlayoutSimulator.run(trace, "jamulus", buffer(JitterBuffer.AutoStrategy.JAMULUS, null)));
            tutti.put(trace.name, PlayoutSimulator.run(trace, "tutti", buffer(JitterBuffer.AutoStrategy.TUTTI, null)));
        }
        System.out.println(table());
        System.out.println(budgetSweep(traces.get(1)));

        double jamulusDropouts = jamulus.values().stream().mapToDouble(PlayoutSimulator.Result::dropoutsPerMinute).sum();
        double tuttiDropouts = tutti.values().stream().mapToDouble(PlayoutSimulator.Result::dropoutsPerMinute).sum();
        assertThat(tuttiDropouts).as("dropouts per minute, summed over traces").isLessThan(jamulusDropouts / 1.5);
        for (String drift : List.of("sender +300 ppm (exp 0.5 ms)", "sender -300 ppm (exp 0.5 ms)")) {
            // 300 ppm forces one inserted or removed frame per 8.9 s (6.75/min) whatever the strategy.
            assertThat(tutti.get(drift).dropoutsPerMinute()).as(drift).isLessThan(9.0)
                    .isLessThan(jamulus.get(drift).dropoutsPerMinute());
        }
        String loss = "loss 2% (exp 0.5 ms)";
        assertThat(tutti.get(loss).meanDelayMs()).as("loss is not mistaken for jitter")
                .isLessThan(jamulus.get(loss).meanDelayMs() / 2);
        String steady = "steady (exp 0.2 ms)";
        assertThat(tutti.get(steady).meanDelayMs()).as(steady).isLessThan(jamulus.get(steady).meanDelayMs() + 0.5);
        assertThat(tutti.get(steady).dropoutsPerMinute()).as(steady).isLessThanOrEqualTo(jamulus.get(steady).dropoutsPerMinute());
    }

    private String table() {
        StringBuilder table = new StringBuilder();
        table.append("| trace | net loss/min | Jamulus: dropouts/min | concealed/min | mean delay ms | p99 delay ms"
                + " | Tutti: dropouts/min | concealed/min | mean delay ms | p99 delay ms |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String name : jamulus.keySet()) {
            PlayoutSimulator.Result j = jamulus.get(name);
            PlayoutSimulator.Result t = tutti.get(name);
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f | %.2f | %.1f |%n",
                    name, j.networkLostPerMinute(), j.dropoutsPerMinute(), j.concealedPerMinute(), j.meanDelayMs(),
                    j.p99DelayMs(), t.dropoutsPerMinute(), t.concealedPerMinute(), t.meanDelayMs(), t.p99DelayMs()));
        }
        return table.toString();
    }

    /** The Tutti strategy's dropout/delay trade-off as its late-event budget varies, on one trace. */
    private static String budgetSweep(NetworkTrace trace) {
        StringBuilder sweep = new StringBuilder("| Tutti budget: one late event per | dropouts/min | mean delay ms |\n|---|---|---|\n");
        int fps = 48_000 / NetworkTrace.FRAME_SAMPLES;
        for (double seconds : new double[] {1, 3, 10, 30}) {
            AdaptiveTuning defaults = AdaptiveTuning.defaults(NetworkTrace.FRAME_SAMPLES);
            AdaptiveTuning tuning = new AdaptiveTuning(defaults.windowFrames(), 1.0 / (seconds * fps),
                    defaults.safetyFrames(), defaults.shrinkAfterGets(), defaults.forceShrinkAfterGets());
            PlayoutSimulator.Result r = PlayoutSimulator.run(trace, "tutti", buffer(JitterBuffer.AutoStrategy.TUTTI, tuning));
            sweep.append(String.format(Locale.ROOT, "| %.0f s | %.1f | %.2f |%n", seconds, r.dropoutsPerMinute(), r.meanDelayMs()));
        }
        return "trace: " + trace.name + "\n" + sweep;
    }

    private static JitterBuffer buffer(JitterBuffer.AutoStrategy strategy, AdaptiveTuning tuning) {
        JitterBuffer buffer = new JitterBuffer(PlayoutSimulator.FRAME_BYTES, NetworkTrace.FRAME_SAMPLES, true, 6);
        if (tuning != null) {
            buffer.setAdaptiveTuning(tuning);
        }
        buffer.setAuto(strategy);
        return buffer;
    }
}
