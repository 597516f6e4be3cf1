package org.tutti.audio;

import java.util.List;

/** The seeded network traces used to compare jitter buffer strategies (docs/jitter-buffer.md). */
final class JitterTraces {
    static final int FIVE_MINUTES_128 = (int) (300e9 / NetworkTrace.frameNanos(128));
    private static final double MS = 1e6;

    private JitterTraces() {
    }

    static List<NetworkTrace> all(int frames) {
        return all(frames, 128);
    }

    /** The suite for codec frames of {@code frameSamples}; {@code frames} of them per trace. */
    static List<NetworkTrace> all(int frames, int frameSamples) {
        return java.util.stream.Stream.of(
                NetworkTrace.builder("steady (exp 0.2 ms)", 1, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 0.2 * MS)),
                NetworkTrace.builder("moderate jitter (exp 1 ms)", 2, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 1.0 * MS)),
                NetworkTrace.builder("heavy jitter (exp 3 ms)", 3, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 3.0 * MS)),
                NetworkTrace.builder("bursts (3 s of exp 6 ms every 20 s)", 4, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, (t % 20_000_000_000L) < 3_000_000_000L ? 6 * MS : 0.3 * MS)),
                NetworkTrace.builder("loss 2% (exp 0.5 ms)", 5, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 0.5 * MS)).loss(0.02),
                NetworkTrace.builder("reorder (uniform 0-8 ms, overtaking)", 6, frames)
                        .delay((s, t, r) -> (long) (r.nextDouble() * 8 * MS)).keepOrder(false),
                NetworkTrace.builder("duplicates 2% (exp 0.5 ms)", 7, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 0.5 * MS)).duplicates(0.02),
                NetworkTrace.builder("sender +300 ppm (exp 0.5 ms)", 8, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 0.5 * MS)).driftPpm(300),
                NetworkTrace.builder("sender -300 ppm (exp 0.5 ms)", 9, frames)
                        .delay((s, t, r) -> NetworkTrace.exponential(r, 0.5 * MS)).driftPpm(-300),
                NetworkTrace.builder("stalls (40 ms every 10 s)", 10, frames)
                        .delay((s, t, r) -> stall(t, 10_000_000_000L, 40 * MS) + NetworkTrace.exponential(r, 0.3 * MS)))
                .map(b -> b.frameSamples(frameSamples).build()).toList();
    }

    /** Frames sent during a stall wait until it ends (a blocked queue that then bursts). */
    private static long stall(long sendNanos, long periodNanos, double stallNanos) {
        long phase = sendNanos % periodNanos;
        return phase < stallNanos ? (long) stallNanos - phase : 0;
    }
}
