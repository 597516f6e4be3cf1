package org.tutti.client.engine;

/**
 * What the client does to the sound card's input before encoding, step for step as Jamulus 3.9.1 does it
 * ({@code CSound} JACK callback, then {@code CClient::ProcessAudioDataIntern}), so that a musician sounds the same
 * through Tutti as through Jamulus: each input becomes a 16-bit sample first ({@code Float2Short(x · 32767)}), the
 * boost multiplies that integer, and the input balance then acts by channel mode:
 *
 * <ul>
 *   <li>stereo: the level law on each side (1 up to the centre, falling to 0 at the far side);</li>
 *   <li>mono: a cross-fade, left · (1 − p) + right · p, so the centre sums both inputs at half level;</li>
 *   <li>mono-in/stereo-out: the level law, so the centre sums both inputs at <em>full</em> level (a single
 *       microphone on input 1 is not 6 dB quieter than in mono), and the sum goes to both sides.</li>
 * </ul>
 *
 * Results are truncated toward zero and clipped to 16 bits at the same points as Jamulus's, so the samples that
 * reach the encoder are identical. One difference on purpose: a boosted sample that overflows is clipped, where
 * Jamulus's integer cast wraps it around to the opposite sign (a loud crack).
 */
final class InputMix {
    /** Jamulus's balance control runs 0..100 with the centre at 50; Tutti's runs −50..50. */
    private static final float BALANCE_STEPS = 100f;

    private InputMix() {
    }

    /** A sound card sample (−1..1) as Jamulus's JACK backend converts it: {@code Float2Short(x * 32767)}. */
    static short fromCard(float sample) {
        return clipTruncate(sample * 32767f);
    }

    /** A 16-bit sample scaled by the input boost (1..10), clipped. */
    static short boost(short sample, float boost) {
        return boost == 1f ? sample : clipTruncate(boost * sample);
    }

    /** Jamulus's pan position 0..1 for a balance of −50..50. */
    static float panPosition(int balance) {
        return (balance + 50) / BALANCE_STEPS;
    }

    /** Gain of the left input: the cross-fade in mono, the level law otherwise. */
    static float leftGain(float pan, ChannelMode mode) {
        return mode == ChannelMode.MONO ? 1f - pan : Math.min(0.5f, 1f - pan) * 2f;
    }

    /** Gain of the right input: the cross-fade in mono, the level law otherwise. */
    static float rightGain(float pan, ChannelMode mode) {
        return mode == ChannelMode.MONO ? pan : Math.min(0.5f, pan) * 2f;
    }

    /** The mono sum of both inputs (mono and mono-in/stereo-out modes), clipped to 16 bits. */
    static short sum(short left, short right, float gainLeft, float gainRight) {
        return clipTruncate(gainLeft * left + gainRight * right);
    }

    /** One side of a stereo input with its balance gain (≤ 1, so it cannot overflow). */
    static short side(short sample, float gain) {
        return (short) (gain * sample);
    }

    /** Jamulus's {@code Float2Short}: clip to 16 bits, otherwise truncate toward zero. */
    static short clipTruncate(float v) {
        if (v < Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        if (v > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        return (short) v;
    }

    /** A decoded sample for the sound card, as Jamulus's JACK backend converts it: {@code s / 32767}. */
    static float toCard(short sample) {
        return sample / 32767f;
    }
}
