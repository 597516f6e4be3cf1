package org.tutti.audio;

/**
 * Follows a sender's clock with the playback rate: a slow PI control loop that keeps the arrival margin constant,
 * so a sound card running a few hundred ppm slower or faster than the sender no longer makes the jitter buffer
 * fill up or drain (and skip or conceal frames now and then).
 *
 * <p><b>Measure.</b> For every new frame (newest sequence number so far) the caller reports its margin:
 * {@code sequence × frameSamples − samples consumed by playback} at its arrival (the caller also keeps sound-card
 * stalls out of the consumption count: see the client's ClientAudioCycle). It is independent of the jitter buffer's own
 * decisions (holds and skips move the read position, not the consumption count) and of losses, and it changes
 * only when the two clocks differ. Each report's deviation from the running mean is clamped to ±2 frames, so a
 * network burst (late frames, then a heap of them) barely moves the mean: bursts are the jitter buffer's job.
 *
 * <p><b>Control.</b> After one second the mean becomes the reference; the error is mean − reference, in samples.
 * The loop is a critically damped second-order PLL ({@code ratio = 1 + Kp·e + Ki·∫e dt}) with a natural frequency
 * of 1 rad/s for the first 10 s (acquires ±0.5 % within a few seconds, the margin moving by well under a frame),
 * then 0.2 rad/s (a time constant of 5 s: noise and bursts hardly reach the ratio). The ratio stays within
 * ±{@value #MAX_DEVIATION}. Without reports for half a second (no stream) the loop holds its rate estimate.
 *
 * <p>One owner thread (the audio callback); no allocation.
 */
public final class DriftController {
    public static final double MAX_DEVIATION = 0.005;
    private static final double SAMPLE_RATE = 48_000;
    private static final double SETTLE_SECONDS = 1.0;
    private static final double ACQUIRE_SECONDS = 10.0;
    private static final double FAST_RAD_PER_S = 1.0;
    private static final double SLOW_RAD_PER_S = 0.2;
    private static final double MEAN_SECONDS = 0.25;
    private static final double SILENT_SECONDS = 0.5;
    private final double clampSamples;
    private final double restartSamples;
    private double mean;
    private boolean haveMean;
    private double deviationSum;
    private int reports;
    private double reference;
    private boolean locked;
    private double settleSeconds = SETTLE_SECONDS; // until the mean becomes the reference
    private double runSeconds;                     // since the stream (re)started: picks the gains
    private double sinceReportSeconds;
    private double integral;
    private double ratio = 1.0;

    /** @param frameSamples codec frame length in samples (sets the burst clamp and the restart threshold) */
    public DriftController(int frameSamples) {
        this.clampSamples = 2.0 * frameSamples;
        this.restartSamples = 64.0 * frameSamples;
    }

    /** A new frame arrived: {@code marginSamples} = its sequence number × frame samples − samples consumed. */
    public void onFrameArrived(double marginSamples) {
        if (haveMean && locked && Math.abs(marginSamples - mean) > restartSamples) {
            restart(); // a restarted stream (new sequence numbers): find a new reference, keep the rate
        }
        if (!haveMean) {
            mean = marginSamples;
            haveMean = true;
        }
        deviationSum += Math.max(-clampSamples, Math.min(clampSamples, marginSamples - mean));
        reports++;
    }

    /** Time passes by {@code samples} device samples (call once per audio cycle); updates {@link #ratio()}. */
    public void onCycle(int samples) {
        double dt = samples / SAMPLE_RATE;
        if (reports > 0) {
            mean += deviationSum / reports * Math.min(1.0, dt / MEAN_SECONDS);
            deviationSum = 0;
            reports = 0;
            sinceReportSeconds = 0;
        } else {
            sinceReportSeconds += dt;
        }
        if (!haveMean || sinceReportSeconds > SILENT_SECONDS) {
            ratio = 1.0 + integral; // no stream: hold the rate estimate, no position feedback
            return;
        }
        runSeconds += dt;
        if (!locked) {
            settleSeconds -= dt;
            if (settleSeconds > 0) {
                ratio = 1.0 + integral;
                return;
            }
            reference = mean;
            locked = true;
        }
        double wn = runSeconds < ACQUIRE_SECONDS ? FAST_RAD_PER_S : SLOW_RAD_PER_S;
        double error = mean - reference; // samples more buffered than at lock: the sender runs ahead
        integral = clamp(integral + wn * wn / SAMPLE_RATE * error * dt);
        ratio = 1.0 + clamp(2.0 * wn / SAMPLE_RATE * error + integral);
    }

    /** Forgets the reference (a new or restarted stream) but keeps the rate estimate: the clocks did not change. */
    public void restart() {
        haveMean = false;
        locked = false;
        settleSeconds = SETTLE_SECONDS;
        runSeconds = 0;
        deviationSum = 0;
        reports = 0;
        ratio = 1.0 + integral;
    }

    /** Input samples to consume per output sample. */
    public double ratio() {
        return ratio;
    }

    /** (ratio − 1) in parts per million: positive when playback runs faster than the sound card's nominal rate. */
    public int ratioPpm() {
        return (int) Math.round((ratio - 1.0) * 1e6);
    }

    /** Samples the mean margin is away from the reference (0 before lock). */
    public double errorSamples() {
        return locked ? mean - reference : 0;
    }

    private static double clamp(double deviation) {
        return Math.max(-MAX_DEVIATION, Math.min(MAX_DEVIATION, deviation));
    }
}
