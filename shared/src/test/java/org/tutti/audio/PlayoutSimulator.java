package org.tutti.audio;

/**
 * Drives a {@link JitterBuffer} with a {@link NetworkTrace}: frames are put when they arrive, and one frame
 * is got every receiver frame period. Each payload carries its sequence number, so the simulator knows
 * exactly which frame was played and when, and measures audible dropouts and playout delay.
 */
final class PlayoutSimulator {
    static final int FRAME_BYTES = 71;
    /** Time before measuring starts, so both strategies are judged after their start-up phase. */
    static final long WARM_UP_NANOS = 30_000_000_000L;

    /**
     * @param concealedGets   gets answered with "conceal" while streaming
     * @param dropouts        audible events: runs of concealed gets (one per run) plus played frames that
     *                        do not follow the frame played by the previous get
     * @param meanDelayMs     mean of (playout time − send time − base network delay) over played frames
     * @param p99DelayMs      99th percentile of the same
     * @param minutes         simulated receiver time measured (after the warm-up)
     */
    record Result(String trace, String strategy, long concealedGets, long dropouts, double meanDelayMs,
                  double p99DelayMs, double minutes, long networkLost, JitterCounters counters) {

        double dropoutsPerMinute() {
            return dropouts / minutes;
        }

        double concealedPerMinute() {
            return concealedGets / minutes;
        }

        double networkLostPerMinute() {
            return networkLost / minutes;
        }
    }

    static Result run(NetworkTrace trace, String strategyName, JitterBuffer buffer) {
        byte[] frame = new byte[FRAME_BYTES];
        byte[] out = new byte[FRAME_BYTES];
        int[] delayHistogram = new int[2000]; // 0.1 ms bins up to 200 ms
        long frames = trace.sendNanos.length;
        long warmUpGets = WARM_UP_NANOS / trace.frameNanos;
        long receiverStart = trace.arrivalNanos.length > 0 ? trace.arrivalNanos[0] + trace.frameNanos / 2 : 0;
        int nextArrival = 0;
        long concealed = 0;
        long dropouts = 0;
        long played = 0;
        double delaySum = 0;
        long previousPlayed = Long.MIN_VALUE;
        long gets = frames - 200; // stop before the trace runs dry
        for (long g = 0; g < gets; g++) {
            long now = receiverStart + g * trace.frameNanos;
            while (nextArrival < trace.arrivalNanos.length && trace.arrivalNanos[nextArrival] <= now) {
                int seq = trace.arrivalSeq[nextArrival];
                writeSeq(frame, seq);
                buffer.put(frame, 0, FRAME_BYTES, seq, trace.arrivalNanos[nextArrival]);
                nextArrival++;
            }
            int len = buffer.get(out, 0);
            if (g == warmUpGets) {
                concealed = dropouts = played = 0;
                delaySum = 0;
                java.util.Arrays.fill(delayHistogram, 0);
            }
            if (len < 0) {
                if (previousPlayed != Long.MIN_VALUE) {
                    concealed++;
                    if (previousPlayed >= 0) {
                        dropouts++;
                    }
                }
                previousPlayed = -1;
                continue;
            }
            int seq = readSeq(out);
            if (previousPlayed >= 0 && seq != previousPlayed + 1) {
                dropouts++;
            }
            previousPlayed = seq;
            double delayMs = (now - trace.sendNanos[seq] - NetworkTrace.BASE_DELAY_NANOS) / 1e6;
            delaySum += delayMs;
            delayHistogram[(int) Math.max(0, Math.min(delayHistogram.length - 1, delayMs * 10))]++;
            played++;
        }
        double minutes = (gets - warmUpGets) * trace.frameNanos / 60e9;
        return new Result(trace.name, strategyName, concealed, dropouts, delaySum / Math.max(1, played),
                percentile(delayHistogram, played, 0.99), minutes, lostAfterWarmUp(trace), buffer.counters());
    }

    private static long lostAfterWarmUp(NetworkTrace trace) {
        boolean[] arrived = new boolean[trace.sendNanos.length];
        for (int seq : trace.arrivalSeq) {
            arrived[seq] = true;
        }
        long lost = 0;
        for (int seq = (int) (WARM_UP_NANOS / trace.frameNanos); seq < arrived.length - 200; seq++) {
            lost += arrived[seq] ? 0 : 1;
        }
        return lost;
    }


    private static double percentile(int[] histogram, long total, double p) {
        long target = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= target) {
                return (i + 1) / 10.0;
            }
        }
        return histogram.length / 10.0;
    }

    private static void writeSeq(byte[] frame, int seq) {
        frame[0] = (byte) (seq >>> 24);
        frame[1] = (byte) (seq >>> 16);
        frame[2] = (byte) (seq >>> 8);
        frame[3] = (byte) seq;
    }

    private static int readSeq(byte[] frame) {
        return (frame[0] & 0xFF) << 24 | (frame[1] & 0xFF) << 16 | (frame[2] & 0xFF) << 8 | (frame[3] & 0xFF);
    }
}
