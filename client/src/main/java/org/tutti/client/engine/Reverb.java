package org.tutti.client.engine;

/**
 * Jamulus's input reverb, computed as Jamulus 3.9.1 computes it so a musician sounds the same through Tutti: a
 * Schroeder-style network after John Chowning's JCRev (three all-pass stages in series, four low-passed combs in
 * parallel, one output delay per side), T60 of 1.1 s, delays scaled from their 44.1-kHz lengths to the next odd prime
 * at 48 kHz. It acts on the 16-bit input after the boost and before the balance: in stereo on both sides from their
 * average, otherwise on the chosen side only; the mix is {@code (1 − a) · dry + a/2 · wet} with
 * {@code a = level / 100 / 4} (level 0..100), clipped like Jamulus's {@code Float2Short}.
 *
 * <p>Audio thread only, allocation-free: the delay lines are allocated here, once per stream.
 */
final class Reverb {
    static final int MAX_LEVEL = 100;
    private static final float T60_SECONDS = 1.1f;
    private static final float ALLPASS_GAIN = 0.7f;
    private static final float COMB_POLE = 0.2f;
    /** Delay lengths at 44.1 kHz: four combs, three all-passes, left and right outputs. */
    private static final int[] LENGTHS_44K1 = {1116, 1356, 1422, 1617, 225, 341, 441, 211, 179};

    private final float[][] allpass = new float[3][];
    private final int[] allpassAt = new int[3];
    private final float[][] comb = new float[4][];
    private final int[] combAt = new int[4];
    private final float[] combGain = new float[4];
    private final float[] combLowpass = new float[4];
    private final float[] outLeft;
    private final float[] outRight;
    private int outLeftAt;
    private int outRightAt;
    /** The processed pair of the last {@link #process} call. */
    short left;
    short right;

    Reverb(int sampleRate) {
        int[] len = scaledLengths(sampleRate);
        for (int i = 0; i < 4; i++) {
            comb[i] = new float[len[i]];
            combGain[i] = (float) Math.pow(10, -3.0 * len[i] / (T60_SECONDS * sampleRate));
        }
        for (int i = 0; i < 3; i++) {
            allpass[i] = new float[len[i + 4]];
        }
        outLeft = new float[len[7]];
        outRight = new float[len[8]];
    }

    static int[] scaledLengths(int sampleRate) {
        int[] len = LENGTHS_44K1.clone();
        float scale = sampleRate / 44100f;
        if (scale != 1f) {
            for (int i = 0; i < len.length; i++) {
                int d = (int) Math.floor(scale * len[i]);
                d |= 1;
                while (!isPrime(d)) {
                    d += 2;
                }
                len[i] = d;
            }
        }
        return len;
    }

    private static boolean isPrime(int n) {
        for (int f = 3; f * f <= n; f += 2) {
            if (n % f == 0) {
                return false;
            }
        }
        return n > 1;
    }

    /**
     * One input frame through the reverb; the result is in {@link #left} and {@link #right}.
     *
     * @param stereo       the stream is stereo (both sides get the reverb of their average)
     * @param onLeft       otherwise: the reverb is on the left input (else the right)
     * @param attenuation  {@code level / 100 / 4}
     */
    void process(short l, short r, boolean stereo, boolean onLeft, float attenuation) {
        float in = stereo ? 0.5f * (l + r) : onLeft ? l : r;
        float x = in;
        for (int i = 0; i < 3; i++) {
            float[] line = allpass[i];
            int at = allpassAt[i];
            float delayed = line[at];
            float v = ALLPASS_GAIN * delayed + x;
            line[at] = v;
            allpassAt[i] = at + 1 == line.length ? 0 : at + 1;
            x = delayed - ALLPASS_GAIN * v;
        }
        float sum = 0f;
        for (int i = 0; i < 4; i++) {
            float[] line = comb[i];
            int at = combAt[i];
            combLowpass[i] = (1f - COMB_POLE) * (combGain[i] * line[at]) + COMB_POLE * combLowpass[i];
            float v = x + combLowpass[i];
            line[at] = v;
            combAt[i] = at + 1 == line.length ? 0 : at + 1;
            sum += v;
        }
        outLeft[outLeftAt] = sum;
        outLeftAt = outLeftAt + 1 == outLeft.length ? 0 : outLeftAt + 1;
        outRight[outRightAt] = sum;
        outRightAt = outRightAt + 1 == outRight.length ? 0 : outRightAt + 1;
        float dry = 1f - attenuation;
        float wet = 0.5f * attenuation;
        left = stereo || onLeft ? InputMix.clipTruncate(dry * l + wet * outLeft[outLeftAt]) : l;
        right = stereo || !onLeft ? InputMix.clipTruncate(dry * r + wet * outRight[outRightAt]) : r;
    }
}
