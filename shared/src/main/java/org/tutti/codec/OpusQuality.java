package org.tutti.codec;

/** Jamulus's audio quality setting; it selects the coded bytes per frame (protocol doc §4.1). */
public enum OpusQuality {
    LOW, NORMAL, HIGH;

    // [channels - 1][quality]: Jamulus's OPUS_NUM_BYTES_* constants.
    private static final int[][] CODED_BYTES_64 = {{12, 22, 36}, {24, 35, 73}};
    private static final int[][] CODED_BYTES_128 = {{25, 45, 82}, {47, 71, 165}};

    /**
     * Coded bytes per frame exactly as Jamulus 3.9.1 uses them, by quality, channels and frame size.
     *
     * @param frameSamples 64 (OPUS64) or 128 (OPUS)
     * @param channels     1 or 2
     */
    public int codedBytes(int frameSamples, int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        return switch (frameSamples) {
            case 64 -> CODED_BYTES_64[channels - 1][ordinal()];
            case 128 -> CODED_BYTES_128[channels - 1][ordinal()];
            default -> throw new IllegalArgumentException("frameSamples must be 64 or 128: " + frameSamples);
        };
    }

    /** The quality whose coded size matches, or null when none does (e.g. a raw or foreign size). */
    public static OpusQuality ofCodedBytes(int frameSamples, int channels, int codedBytes) {
        for (OpusQuality q : values()) {
            if (q.codedBytes(frameSamples, channels) == codedBytes) {
                return q;
            }
        }
        return null;
    }
}
