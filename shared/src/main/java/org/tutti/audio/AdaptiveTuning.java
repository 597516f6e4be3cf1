package org.tutti.audio;

/**
 * Parameters of {@link AdaptivePlayout}.
 *
 * @param windowFrames          time constant of the late-event statistics, in frames
 * @param maxLateEventsPerFrame budget of late events (runs of late frames) per frame
 * @param safetyFrames         extra frames of delay on top of the quantile
 * @param shrinkAfterGets      gets with surplus delay before one frame may be removed (and minimum spacing)
 * @param forceShrinkAfterGets gets with surplus delay before a frame is dropped without a concealment to hide it
 */
public record AdaptiveTuning(int windowFrames, double maxLateEventsPerFrame, int safetyFrames, int shrinkAfterGets,
                             int forceShrinkAfterGets) {

    public AdaptiveTuning {
        if (windowFrames < 16 || maxLateEventsPerFrame < 0 || maxLateEventsPerFrame >= 0.5 || safetyFrames < 0
                || shrinkAfterGets < 1 || forceShrinkAfterGets < shrinkAfterGets) {
            throw new IllegalArgumentException("invalid adaptive tuning: " + windowFrames + ", " + maxLateEventsPerFrame
                    + ", " + safetyFrames + ", " + shrinkAfterGets + ", " + forceShrinkAfterGets);
        }
    }

    /** Defaults for a codec frame of {@code frameSamples} (64 or 128) at 48 kHz: time constants in seconds. */
    public static AdaptiveTuning defaults(int frameSamples) {
        int framesPerSecond = 48_000 / frameSamples;
        // 30 s memory, at most one late event per 10 s (so one isolated event does not raise the delay),
        // shrink after 0.5 s of surplus, force a shrink without a concealment to hide it after 2 s.
        return new AdaptiveTuning(30 * framesPerSecond, 1.0 / (10 * framesPerSecond), 0, framesPerSecond / 2,
                2 * framesPerSecond);
    }
}
