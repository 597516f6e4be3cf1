package org.tutti.server.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The click generator sample by sample: onsets found in the rendered audio (first non-zero sample after silence)
 * must sit exactly where round(n × 60 × 48000 / bpm) puts them, over an hour of 64- and 128-sample frames.
 */
class MetronomeTest {
    private static final long HOUR_SAMPLES = 3600L * Metronome.SAMPLE_RATE;

    /** Renders {@code samples} in frames of {@code frameSamples} and returns where each click starts. */
    private static List<Long> onsets(Metronome m, long samples, int frameSamples) {
        short[] frame = new short[frameSamples];
        List<Long> found = new ArrayList<>();
        long at = m.position();
        boolean silent = true;
        for (long done = 0; done < samples; done += frameSamples) {
            m.render(frame, frameSamples);
            for (int i = 0; i < frameSamples; i++, at++) {
                if (frame[i] != 0 && silent) {
                    found.add(at);
                }
                silent = frame[i] == 0;
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0} bpm in {1}-sample frames")
    @CsvSource({"30,64", "97,128", "120,64", "133,128", "299,64", "300,128"})
    void everyBeatOfAnHourStartsOnTheExactSample(int bpm, int frameSamples) {
        Metronome m = new Metronome(bpm, 4);
        m.render(new short[frameSamples], frameSamples); // start mid-clock, not at 0
        long start = m.position();
        m.start();
        List<Long> got = onsets(m, HOUR_SAMPLES, frameSamples);

        long beats = 0;
        while (Metronome.beatStart(beats, bpm) < HOUR_SAMPLES) {
            beats++;
        }
        assertThat(got).hasSize((int) beats);
        for (int n = 0; n < beats; n++) {
            long expected = start + Math.round(n * 60.0 * 48000 / bpm);
            assertThat(got.get(n)).as("beat %d", n).isEqualTo(expected);
        }
        // No drift: the last beat of the hour is where the exact formula puts it.
        assertThat(got.getLast() - start).isEqualTo(Math.round((beats - 1) * 2_880_000.0 / bpm));
    }

    @Test
    void oneBarOfCountInThenAccentedFirstBeats() {
        Metronome m = new Metronome(120, 3); // a beat every 24,000 samples
        m.start();
        short[] pcm = new short[24_000 * 10];
        for (int at = 0; at < pcm.length; at += 128) {
            short[] frame = new short[128];
            m.render(frame, 128);
            System.arraycopy(frame, 0, pcm, at, Math.min(128, pcm.length - at));
        }
        int[] kinds = new int[10];
        for (int beat = 0; beat < 10; beat++) {
            kinds[beat] = Metronome.soundKind(pcm, beat * 24_000);
            assertThat(pcm[beat * 24_000 + Metronome.CLICK_SAMPLES]).as("silence after click %d", beat).isZero();
        }
        // count-in ×3, then bars of accent, beat, beat
        assertThat(kinds).containsExactly(2, 2, 2, 0, 1, 1, 0, 1, 1, 0);
    }

    @Test
    void aTempoChangeTakesEffectAtTheNextBeatAsBeatOne() {
        Metronome m = new Metronome(60, 4); // 48,000 samples per beat
        m.start();
        onsets(m, 5 * 48_000 + 1280, 64); // beats 0..5 played and sounded out; the next one is due at 288,000
        m.set(240, 2); // 12,000 samples per beat from then on
        List<Long> got = onsets(m, 90_000, 64);
        assertThat(got).containsExactly(288_000L, 300_000L, 312_000L, 324_000L);
        assertThat(m.bpm()).isEqualTo(240);
        assertThat(m.beatsPerBar()).isEqualTo(2);
    }

    @Test
    void stoppedItIsSilentAndRestartingCountsInAgain() {
        Metronome m = new Metronome(200, 4); // a beat every 14,400 samples
        assertThat(onsets(m, 48_000, 128)).isEmpty();
        m.start();
        assertThat(onsets(m, 48_000, 128)).containsExactly(48_000L, 62_400L, 76_800L, 91_200L);
        m.stop();
        assertThat(onsets(m, 48_000, 128)).isEmpty();
        m.start();
        short[] frame = new short[1024]; // longer than a click, so the next window starts in silence
        m.render(frame, 1024);
        assertThat(Metronome.soundKind(frame, 0)).as("count-in sound after a restart").isEqualTo(2);
        assertThat(onsets(m, 28_800 - 1024, 128)).containsExactly(158_400L);
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThatThrownBy(() -> new Metronome(29, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Metronome(301, 4)).isInstanceOf(IllegalArgumentException.class);
        Metronome m = new Metronome(30, 2);
        assertThatThrownBy(() -> m.set(120, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.set(120, 13)).isInstanceOf(IllegalArgumentException.class);
        m.set(300, 12);
        assertThat(m.bpm()).isEqualTo(300);
    }
}
