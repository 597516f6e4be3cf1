package org.tutti.server.engine;

/**
 * Jamulus's channel level (protocol doc §6.5): peak of every 3rd sample's negative swing, decaying by half per
 * frame, reported as 0..8 on a −50..0 dB scale. One per channel, updated every tick on the decoded input.
 */
final class LevelMeter {
    private static final double FULL_SCALE = 32767.0;

    private double level;

    /** Updates with {@code samples} interleaved values ({@code channels} per frame) of this tick. */
    void update(short[] pcm, int samples) {
        int min = 0;
        for (int i = 0; i < samples; i += 3) {
            min = Math.min(min, pcm[i]);
        }
        double peak = -min;
        level = Math.max(peak, level * 0.5);
        if (level < 2) {
            level = 0;
        }
    }

    void reset() {
        level = 0;
    }

    /** The level as Jamulus sends it: 0..8 (9 only at exactly −32768). */
    int wireLevel() {
        if (level <= 0) {
            return 0;
        }
        double db = 20 * Math.log10(level / FULL_SCALE);
        double scaled = Math.max(0, (db + 50) * 8 / 50);
        return (int) Math.min(9, Math.ceil(scaled));
    }
}
