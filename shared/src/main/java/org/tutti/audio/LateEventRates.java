package org.tutti.audio;

import java.util.Arrays;

/**
 * For every candidate playout delay D (in frames past the median arrival), how often a frame would
 * arrive too late: as an exponentially decaying count of <em>late events</em>, where a run of consecutive
 * late frames (a stall, a burst) counts once — one audible dropout, as Jamulus's error statistics also
 * count it. Adding a sample costs O(1) plus one step per delay at which a new run starts; decay is done
 * with a growing increment instead of touching every counter.
 */
final class LateEventRates {
    static final int MAX_DELAY_FRAMES = 48;
    private static final double RENORMALISE_ABOVE = 1e150;

    private final double[] events = new double[MAX_DELAY_FRAMES + 1];
    private final double growth;
    private final int windowFrames;
    private double increment = 1.0;
    private long previousLateness;

    /** @param windowFrames time constant of the decay, in frames */
    LateEventRates(int windowFrames) {
        this.windowFrames = windowFrames;
        this.growth = 1.0 / (1.0 - 1.0 / windowFrames);
    }

    /** @param lateness frames this arrival came after the median arrival (negative: earlier) */
    void add(long lateness) {
        increment *= growth;
        // A frame is late for every D < lateness; a new run starts at D if the previous frame was not late.
        long from = Math.max(0, previousLateness);
        long to = Math.min(lateness, MAX_DELAY_FRAMES + 1);
        for (long d = from; d < to; d++) {
            events[(int) d] += increment;
        }
        previousLateness = lateness;
        if (increment > RENORMALISE_ABOVE) {
            for (int d = 0; d <= MAX_DELAY_FRAMES; d++) {
                events[d] /= increment;
            }
            increment = 1.0;
        }
    }

    /** Late events per frame that a playout delay of {@code delayFrames} would have seen recently. */
    double rate(int delayFrames) {
        return events[Math.min(delayFrames, MAX_DELAY_FRAMES)] / increment / windowFrames;
    }

    /** The smallest delay whose late-event rate is at most {@code maxEventsPerFrame}. */
    int smallestDelayWithin(double maxEventsPerFrame) {
        double limit = maxEventsPerFrame * windowFrames * increment;
        for (int d = 0; d < MAX_DELAY_FRAMES; d++) {
            if (events[d] <= limit) {
                return d;
            }
        }
        return MAX_DELAY_FRAMES;
    }

    void clear() {
        Arrays.fill(events, 0);
        increment = 1.0;
        previousLateness = 0;
    }
}
