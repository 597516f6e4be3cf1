package org.tutti.server.mix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each mix law of Jamulus 3.9.1's {@code CServer::MixEncodeTransmitData} with exact samples. The expected numbers
 * are worked out by hand from Jamulus's formulas (in the comments), not by running the mixer.
 */
class PersonalMixerTest {
    private static final int N = 4;

    private static SourceFrame mono(int frames, int... samples) {
        SourceFrame f = new SourceFrame(frames);
        short[] pcm = new short[frames];
        for (int i = 0; i < samples.length; i++) {
            pcm[i] = (short) samples[i];
        }
        f.set(pcm, 1, frames);
        return f;
    }

    /** {@code lr} = L0, R0, L1, R1, ... */
    private static SourceFrame stereo(int frames, int... lr) {
        SourceFrame f = new SourceFrame(frames);
        short[] pcm = new short[2 * frames];
        for (int i = 0; i < lr.length; i++) {
            pcm[i] = (short) lr[i];
        }
        f.set(pcm, 2, frames);
        return f;
    }

    private static short[] mix(PersonalMixer m, boolean stereoOut) {
        short[] out = new short[stereoOut ? 2 * m.frameSamples() : m.frameSamples()];
        m.write(out);
        return out;
    }

    @Test
    void monoListenerScalesAMonoSourceByItsGainAndTruncatesTowardZero() {
        PersonalMixer m = new PersonalMixer(N, false);
        m.start(false);
        m.add(mono(N, 1000, -2000, 3, -3), 0.5f, 0.5f);
        // 0.5·x: 500, −1000, 1.5 → 1, −1.5 → −1 (Float2Short truncates)
        assertThat(mix(m, false)).containsExactly(500, -1000, 1, -1);
    }

    @Test
    void monoListenerHearsAStereoSourceAsHalfTheSumOfItsSidesWhateverThePan() {
        SourceFrame src = stereo(N, 1000, 3000, 101, 0, -3, 0, 0, 7);
        for (float pan : new float[] {0f, 0.5f, 1f}) {
            PersonalMixer m = new PersonalMixer(N, false);
            m.start(false);
            m.add(src, 1f, pan);
            // (L+R)/2: 2000, 50.5 → 50, −1.5 → −1, 3.5 → 3
            assertThat(mix(m, false)).as("pan %s", pan).containsExactly(2000, 50, -1, 3);
        }
    }

    @Test
    void stereoListenerLevelPansAMonoSourceOntoBothSides() {
        SourceFrame src = mono(N, 1000, -1000, 0, 0);
        // gL = min(0.5, 1 − pan)·2, gR = min(0.5, pan)·2
        assertThat(levelPanned(src, 1f, 0.5f)).containsExactly(1000, 1000, -1000, -1000, 0, 0, 0, 0);
        assertThat(levelPanned(src, 1f, 0.25f)).containsExactly(1000, 500, -1000, -500, 0, 0, 0, 0);
        assertThat(levelPanned(src, 1f, 0.75f)).containsExactly(500, 1000, -500, -1000, 0, 0, 0, 0);
        assertThat(levelPanned(src, 1f, 0f)).containsExactly(1000, 0, -1000, 0, 0, 0, 0, 0);
        assertThat(levelPanned(src, 1f, 1f)).containsExactly(0, 1000, 0, -1000, 0, 0, 0, 0);
    }

    @Test
    void stereoListenerLevelPansAStereoSourceSideBySide() {
        SourceFrame src = stereo(N, 4000, -4000, 8, 12, 0, 0, 0, 0);
        // gain 0.5, pan 0.75: gL = 0.5·0.25·2 = 0.25, gR = 0.5·0.5·2 = 0.5
        assertThat(levelPanned(src, 0.5f, 0.75f)).containsExactly(1000, -2000, 2, 6, 0, 0, 0, 0);
    }

    private static short[] levelPanned(SourceFrame src, float gain, float pan) {
        PersonalMixer m = new PersonalMixer(N, false);
        m.start(true);
        m.add(src, gain, pan);
        return mix(m, true);
    }

    @Test
    void sourcesAddUpInFloatAndOnlyTheSumIsClipped() {
        PersonalMixer m = new PersonalMixer(N, false);
        m.start(false);
        m.add(mono(N, 20000, -20000, 30000, 32767), 1f, 0.5f);
        m.add(mono(N, 20000, -20000, -10000, 1), 1f, 0.5f);
        // 40000 → 32767, −40000 → −32768, 20000 stays (no clipping of the first source alone), 32768 → 32767
        assertThat(mix(m, false)).containsExactly(32767, -32768, 20000, 32767);
    }

    @Test
    void aZeroGainAddsNothing() {
        PersonalMixer m = new PersonalMixer(N, false);
        m.start(true);
        m.add(mono(N, 1000, 1000, 1000, 1000), 0f, 0.5f);
        assertThat(mix(m, true)).containsOnly(0);
    }

    @Test
    void startIsAnEmptyMixEvenAfterAnotherListener() {
        PersonalMixer m = new PersonalMixer(N, false);
        m.start(false);
        m.add(mono(N, 1000, 1000, 1000, 1000), 1f, 0.5f);
        m.write(new short[N]);
        m.start(false);
        m.add(mono(N, 1, 2, 3, 4), 1f, 0.5f);
        assertThat(mix(m, false)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theDefaultMixIsTheFadedSumPlusTheListenersOwnSignalOnce() {
        // Listener fade 0.5: sum gain 0.5, own extra gain 0.5·(1 − 0.5) = 0.25 → 0.5·1000 + 0.25·400 = 600
        SourceFrame sum = stereo(N, 1000, 2000, 0, 0, 0, 0, 0, 0);
        SourceFrame own = stereo(N, 400, 800, 0, 0, 0, 0, 0, 0);
        PersonalMixer m = new PersonalMixer(N, false);
        m.startFromSum(true, sum, 0.5f, own, 0.25f);
        assertThat(mix(m, true)).containsExactly(600, 1200, 0, 0, 0, 0, 0, 0);
        // mono: the down-mixes, 0.5·1500 + 0.25·600 = 900
        m.startFromSum(false, sum, 0.5f, own, 0.25f);
        assertThat(mix(m, false)).containsExactly(900, 0, 0, 0);
    }

    @Test
    void theSharedSumAddsEachSourceAtItsFade() {
        SourceFrame sum = new SourceFrame(N);
        sum.silence(N);
        sum.addScaled(mono(N, 1000, 0, 0, 0), 0.5f, N);
        sum.addScaled(stereo(N, 100, 300, 0, 0, 0, 0, 0, 0), 1f, N);
        assertThat(sum.left()[0]).isEqualTo(600f);  // 500 + 100
        assertThat(sum.right()[0]).isEqualTo(800f); // 500 + 300
        assertThat(sum.mono()[0]).isEqualTo(700f);  // 500 + (100 + 300)/2
    }

    @Test
    void delayPanHoldsBackOneSideByRound126TimesPanOffsetAtFullGain() {
        int n = 64;
        // previous frame 1..64, this frame 100..163; the delayed side reads the end of the previous frame
        SourceFrame src = new SourceFrame(n);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (i + 1);
        }
        src.set(pcm, 1, n);
        src.rememberHistory(n);
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (100 + i);
        }
        src.set(pcm, 1, n);

        // pan 1: d = lround(126 · 0.5) = 63 → left[i] = x[i − 63], from history for i < 63; right undelayed.
        // Both sides at gain 1: delay panning replaces level panning (Jamulus sets fPan = 0.5).
        short[] hard = delayPanned(src, n, 1f);
        assertThat(hard[0]).isEqualTo((short) 2);        // history[64 − 63] = 2
        assertThat(hard[2 * 62]).isEqualTo((short) 64);  // history[63]
        assertThat(hard[2 * 63]).isEqualTo((short) 100); // this frame's first sample
        assertThat(hard[1]).isEqualTo((short) 100);
        assertThat(hard[2 * 63 + 1]).isEqualTo((short) 163);

        // pan 0.25: 126 · (−0.25) = −31.5 → lround → −32 (halves away from zero): the right side waits 32.
        short[] left = delayPanned(src, n, 0.25f);
        assertThat(left[1]).isEqualTo((short) 33);          // history[64 − 32]
        assertThat(left[2 * 31 + 1]).isEqualTo((short) 64);
        assertThat(left[2 * 32 + 1]).isEqualTo((short) 100);
        assertThat(left[0]).isEqualTo((short) 100);

        // centre: no delay at all
        short[] centre = delayPanned(src, n, 0.5f);
        assertThat(centre[0]).isEqualTo((short) 100);
        assertThat(centre[1]).isEqualTo((short) 100);
    }

    @Test
    void delayPanLeavesAMonoListenerUnpanned() {
        int n = 64;
        PersonalMixer m = new PersonalMixer(n, true);
        m.start(false);
        SourceFrame src = new SourceFrame(n);
        short[] pcm = new short[n];
        pcm[0] = 1000;
        src.set(pcm, 1, n);
        m.add(src, 0.5f, 1f);
        short[] out = new short[n];
        m.write(out);
        assertThat(out[0]).isEqualTo((short) 500);
    }

    private static short[] delayPanned(SourceFrame src, int n, float pan) {
        PersonalMixer m = new PersonalMixer(n, true);
        m.start(true);
        m.add(src, 1f, pan);
        short[] out = new short[2 * n];
        m.write(out);
        return out;
    }

    @Test
    void panLawAndDelayFormulasAtTheirCornerValues() {
        assertThat(PersonalMixer.leftPanGain(0.5f)).isEqualTo(1f);
        assertThat(PersonalMixer.rightPanGain(0.5f)).isEqualTo(1f);
        assertThat(PersonalMixer.leftPanGain(0.25f)).isEqualTo(1f);
        assertThat(PersonalMixer.rightPanGain(0.25f)).isEqualTo(0.5f);
        assertThat(PersonalMixer.leftPanGain(1f)).isEqualTo(0f);
        assertThat(PersonalMixer.panDelaySamples(0.5f)).isZero();
        assertThat(PersonalMixer.panDelaySamples(1f)).isEqualTo(63);
        assertThat(PersonalMixer.panDelaySamples(0f)).isEqualTo(-63);
        assertThat(PersonalMixer.panDelaySamples(0.75f)).isEqualTo(32); // 31.5 → 32
        assertThat(PersonalMixer.panDelaySamples(2f)).isEqualTo(63);    // clamped to the history
    }

    @Test
    void clippingSaturatesAndTruncatesLikeFloat2Short() {
        assertThat(PersonalMixer.clip(32767.9f)).isEqualTo((short) 32767);
        assertThat(PersonalMixer.clip(1e9f)).isEqualTo((short) 32767);
        assertThat(PersonalMixer.clip(-32768.5f)).isEqualTo((short) -32768);
        assertThat(PersonalMixer.clip(-1e9f)).isEqualTo((short) -32768);
        assertThat(PersonalMixer.clip(1.9f)).isEqualTo((short) 1);
        assertThat(PersonalMixer.clip(-1.9f)).isEqualTo((short) -1);
    }
}
