package org.tutti.codec;

/** The two Opus custom modes Jamulus uses, created once per process and never freed (they are tiny). */
final class OpusModes {
    static final int SAMPLE_RATE = 48_000;
    private static final long MODE_64 = create(64);
    private static final long MODE_128 = create(128);

    private OpusModes() {
    }

    static long forFrameSamples(int frameSamples) {
        return switch (frameSamples) {
            case 64 -> MODE_64;
            case 128 -> MODE_128;
            default -> throw new IllegalArgumentException("frameSamples must be 64 or 128: " + frameSamples);
        };
    }

    private static long create(int frameSamples) {
        long mode = OpusNative.modeCreate(SAMPLE_RATE, frameSamples);
        if (mode == 0) {
            throw new IllegalStateException("opus_custom_mode_create(48000, " + frameSamples + ") failed");
        }
        return mode;
    }

    static void checkChannels(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
    }
}
