package org.tutti.client.engine;

/**
 * The sound check before connecting: while no server is connected the engine keeps the sound card open and runs
 * this instead of the {@link ClientAudioCycle}. The input goes through the same steps as on its way to the encoder
 * ({@link InputMix}: 16-bit conversion, boost, balance by channel mode), the input meters follow it with the same
 * decay as when connected, and with "hear myself" on the mixed input is played back, so a musician can set levels
 * and balance before joining. Nothing is sent anywhere.
 *
 * <p>Runs on the audio thread: no allocation, no locks, no logging. The settings are volatile fields written by the
 * engine's control thread (or, for {@link #hearMyself}, by any thread) and read once per cycle.
 */
final class LocalMonitor {
    /** Meter peaks halve every 4,800 frames (0.1 s at 48 kHz), as on the {@link ClientAudioCycle}. */
    private static final double PEAK_HALVING_FRAMES = 4800.0;

    volatile boolean hearMyself;
    volatile float inputBoost = 1f;
    volatile int inputPan; // −50..50
    volatile ChannelMode channelMode = ChannelMode.MONO;
    // written by the audio thread, read by the meters
    volatile float inputPeakLeft;
    volatile float inputPeakRight;

    void process(float[][] in, float[][] out, int frames, RecordingTap tap) {
        float boost = inputBoost;
        ChannelMode mode = channelMode;
        boolean playBack = hearMyself;
        float pan = InputMix.panPosition(inputPan);
        float gL = InputMix.leftGain(pan, mode);
        float gR = InputMix.rightGain(pan, mode);
        float decay = (float) Math.pow(0.5, frames / PEAK_HALVING_FRAMES);
        float peakL = inputPeakLeft * decay;
        float peakR = inputPeakRight * decay;
        for (int i = 0; i < frames; i++) {
            short l = InputMix.boost(InputMix.fromCard(in[0][i]), boost);
            short r = InputMix.boost(InputMix.fromCard(in[1][i]), boost);
            peakL = Math.max(peakL, Math.abs(l) / 32767f); // each input after the boost, as when connected
            peakR = Math.max(peakR, Math.abs(r) / 32767f);
            if (mode == ChannelMode.STEREO) {
                l = InputMix.side(l, gL);
                r = InputMix.side(r, gR);
            } else {
                l = InputMix.sum(l, r, gL, gR); // what the server would get, on both ears
                r = l;
            }
            if (tap != null) {
                tap.own(i, l, r);
            }
            out[0][i] = playBack ? InputMix.toCard(l) : 0f;
            out[1][i] = playBack ? InputMix.toCard(r) : 0f;
        }
        inputPeakLeft = Math.min(1f, peakL);
        inputPeakRight = Math.min(1f, peakR);
    }

    /** A new stream starts with quiet meters (the last connection's peaks are not this input's). */
    void resetMeters() {
        inputPeakLeft = 0f;
        inputPeakRight = 0f;
    }
}
