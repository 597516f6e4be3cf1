package org.tutti.server.engine;

/**
 * Which datagram sizes can be Jamulus audio (protocol doc §4.2–4.3): a codec frame of one of the Opus sizes a
 * Jamulus client uses, with or without its sequence byte, times a block factor of 1, 2 or 4. Only such a datagram
 * may open a channel, so garbage from the internet cannot take a slot (Jamulus itself opens one for anything).
 */
final class AudioPacketSizes {
    /** Coded bytes per frame of every quality, mono/stereo, 64/128 samples (doc §4.1 table). */
    private static final int[] CODED_BYTES = {12, 22, 36, 25, 45, 82, 24, 35, 73, 47, 71, 165};
    private static final boolean[] VALID = build();

    private AudioPacketSizes() {
    }

    private static boolean[] build() {
        boolean[] valid = new boolean[4 * (165 + 1) + 1];
        for (int coded : CODED_BYTES) {
            for (int factor : new int[] {1, 2, 4}) {
                valid[coded * factor] = true;
                valid[(coded + 1) * factor] = true;
            }
        }
        return valid;
    }

    /** True when a datagram of {@code bytes} could be an audio packet of a real Jamulus client. */
    static boolean isPlausibleAudio(int bytes) {
        return bytes > 0 && bytes < VALID.length && VALID[bytes];
    }
}
