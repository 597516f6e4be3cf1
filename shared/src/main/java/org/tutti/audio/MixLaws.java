package org.tutti.audio;

/**
 * The mixing laws Jamulus applies (protocol doc §6.3–6.4), as pure functions. Gains are linear factors;
 * pan is 0 (left) .. 0.5 (centre) .. 1 (right). Converting wire values (v / 32768) is the protocol
 * package's job; these functions take the converted numbers.
 */
public final class MixLaws {
    /** Top of the fader scale. */
    public static final int FADER_MAX = 100;
    /** Attenuation at fader value 0+ (the bottom of the dB range; value 0 itself is silence). */
    public static final float FADER_RANGE_DB = 35f;
    /** Largest inter-channel delay of delay panning, in samples. */
    public static final int MAX_DELAY_PAN_SAMPLES = 64;

    private MixLaws() {
    }

    /**
     * Fader position 0..100 to gain: 0 dB at 100, falling linearly in dB to −35 dB at 0, where the
     * gain is exactly 0 (so v = 1 gives −34.65 dB).
     */
    public static float faderGain(int faderValue) {
        if (faderValue < 0 || faderValue > FADER_MAX) {
            throw new IllegalArgumentException("fader value must be 0.." + FADER_MAX + ": " + faderValue);
        }
        if (faderValue == 0) {
            return 0f;
        }
        float position = faderValue / (float) FADER_MAX;
        return (float) Math.pow(10.0, (position - 1f) * FADER_RANGE_DB / 20f);
    }

    /** Left gain of the level pan law: 1 from hard left to centre, then falling to 0 at hard right. */
    public static float panLeftGain(float pan) {
        return Math.min(0.5f, 1f - pan) * 2f;
    }

    /** Right gain of the level pan law: rising to 1 at centre, then 1 up to hard right. */
    public static float panRightGain(float pan) {
        return Math.min(0.5f, pan) * 2f;
    }

    /**
     * Inter-channel delay of delay panning ({@code --delaypan}): {@code round((2·64 − 2)·(pan − 0.5))},
     * −63..63 samples, rounded half away from zero. Positive delays the left channel (source appears
     * right), negative delays the right channel.
     */
    public static int delayPanSamples(float pan) {
        float d = (2 * MAX_DELAY_PAN_SAMPLES - 2) * (pan - 0.5f);
        return (int) (Math.signum(d) * Math.round(Math.abs(d)));
    }

    /**
     * Mono down-mix of interleaved stereo 16-bit samples for a mono listener: (L + R) / 2 per frame.
     * Pan does not apply to mono listeners.
     */
    public static void downmixToMono(short[] stereo, int stereoOffset, float[] mono, int monoOffset, int frames) {
        for (int i = 0; i < frames; i++) {
            int s = stereoOffset + 2 * i;
            mono[monoOffset + i] = (stereo[s] + stereo[s + 1]) * 0.5f;
        }
    }

    /** Clips a mixed float sample to 16 bits, as the server does before encoding. */
    public static short clipToShort(float sample) {
        if (sample >= Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        if (sample <= Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        return (short) sample;
    }
}
