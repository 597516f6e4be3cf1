package org.tutti.audio;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic, seeded network trace for jitter buffer simulations: when each frame was sent and when
 * (if ever) each copy of it arrived. The receiver reads one frame every {@link #frameNanos}; the sender
 * may run slightly faster or slower ({@code driftPpm}). Frames are 128 samples unless the builder says 64.
 */
final class NetworkTrace {
    static final long BASE_DELAY_NANOS = 10_000_000;

    final String name;
    final int frameSamples;
    final long frameNanos;
    final long[] sendNanos;     // per sequence number
    final long[] arrivalNanos;  // per arrival event, ascending
    final int[] arrivalSeq;     // per arrival event
    final int lostFrames;

    private NetworkTrace(String name, int frameSamples, long[] sendNanos, long[] arrivalNanos, int[] arrivalSeq,
                         int lostFrames) {
        this.name = name;
        this.frameSamples = frameSamples;
        this.frameNanos = frameNanos(frameSamples);
        this.sendNanos = sendNanos;
        this.arrivalNanos = arrivalNanos;
        this.arrivalSeq = arrivalSeq;
        this.lostFrames = lostFrames;
    }

    /** Extra one-way delay of a frame beyond the base delay, in nanoseconds. */
    interface DelayModel {
        long extraDelayNanos(int seq, long sendNanos, SplittableRandom random);
    }

    static long frameNanos(int frameSamples) {
        return frameSamples * 1_000_000_000L / 48_000;
    }

    static Builder builder(String name, long seed, int frames) {
        return new Builder(name, seed, frames);
    }

    static final class Builder {
        private final String name;
        private final SplittableRandom random;
        private final int frames;
        private DelayModel delay = (seq, t, r) -> 0;
        private double lossRate;
        private double duplicateRate;
        private double driftPpm;
        private boolean keepOrder = true;
        private int frameSamples = 128;

        private Builder(String name, long seed, int frames) {
            this.name = name;
            this.random = new SplittableRandom(seed);
            this.frames = frames;
        }

        Builder delay(DelayModel model) { this.delay = model; return this; }
        Builder loss(double rate) { this.lossRate = rate; return this; }
        Builder duplicates(double rate) { this.duplicateRate = rate; return this; }
        Builder driftPpm(double ppm) { this.driftPpm = ppm; return this; }
        /** Whether the network keeps frames in order (a queue) or lets them overtake each other. */
        Builder keepOrder(boolean keep) { this.keepOrder = keep; return this; }
        Builder frameSamples(int samples) { this.frameSamples = samples; return this; }

        NetworkTrace build() {
            long[] send = new long[frames];
            long[] times = new long[frames * 2];
            int[] seqs = new int[frames * 2];
            int events = 0;
            int lost = 0;
            long previousArrival = Long.MIN_VALUE;
            long frameNanos = frameNanos(frameSamples);
            double senderPeriod = frameNanos * (1.0 - driftPpm * 1e-6); // positive ppm: sender faster
            for (int seq = 0; seq < frames; seq++) {
                send[seq] = Math.round(seq * senderPeriod);
                long arrival = send[seq] + BASE_DELAY_NANOS + delay.extraDelayNanos(seq, send[seq], random);
                if (keepOrder) {
                    arrival = Math.max(arrival, previousArrival + 20_000); // a queue: no overtaking
                    previousArrival = arrival;
                }
                if (random.nextDouble() < lossRate) {
                    lost++;
                    continue;
                }
                times[events] = arrival;
                seqs[events++] = seq;
                if (random.nextDouble() < duplicateRate) {
                    times[events] = arrival + (long) (random.nextDouble() * 3 * frameNanos);
                    seqs[events++] = seq;
                }
            }
            sortByTime(times, seqs, events);
            return new NetworkTrace(name, frameSamples, send, Arrays.copyOf(times, events), Arrays.copyOf(seqs, events), lost);
        }

        private static void sortByTime(long[] times, int[] seqs, int n) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b]) : Integer.compare(seqs[a], seqs[b]));
            long[] t = new long[n];
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = times[order[i]];
                s[i] = seqs[order[i]];
            }
            System.arraycopy(t, 0, times, 0, n);
            System.arraycopy(s, 0, seqs, 0, n);
        }
    }

    /** Exponentially distributed extra delay with the given mean. */
    static long exponential(SplittableRandom random, double meanNanos) {
        return (long) (-meanNanos * Math.log(1.0 - random.nextDouble()));
    }
}
