package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds metronome clicks in a decoded stream: an onset is the first sample at or above {@link #THRESHOLD} after at
 * least {@link #QUIET_SAMPLES} below it. Samples are counted by frames received, so positions are in the server's
 * mix clock as long as no packet is lost (the median interval shrugs off the odd loss).
 */
final class ClickEar implements AudioTestClient.PcmTap {
    /** Clicks start at 11,000–16,000; Opus's smear and tails stay far below this. */
    static final int THRESHOLD = 3000;
    static final int QUIET_SAMPLES = 2400;

    private final List<Long> onsets = new ArrayList<>();
    private long position;
    private long quiet = QUIET_SAMPLES;

    @Override
    public synchronized void frame(short[] pcm, int samples, int channels) {
        for (int i = 0; i < samples; i++, position++) {
            if (Math.abs(pcm[i * channels]) >= THRESHOLD) {
                if (quiet >= QUIET_SAMPLES) {
                    onsets.add(position);
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
    }

    synchronized int count() {
        return onsets.size();
    }

    synchronized void clear() {
        onsets.clear();
    }

    /** The median distance between consecutive onsets heard so far, or -1 with fewer than two. */
    synchronized long medianInterval() {
        if (onsets.size() < 2) {
            return -1;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < onsets.size(); i++) {
            gaps.add(onsets.get(i) - onsets.get(i - 1));
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }
}
