package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelMeterTest {
    private static final int FRAME = 128;

    private static short[] stereoSine(double amplitude, double hz, int frames) {
        short[] pcm = new short[2 * frames];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 48_000));
            pcm[2 * i] = s;
            pcm[2 * i + 1] = s;
        }
        return pcm;
    }

    @Test
    void sineOfAmplitude8000ReadsSevenAsObservedOnRealJamulus() {
        LevelMeter meter = LevelMeter.forServer();
        meter.update(stereoSine(8000, 1000, FRAME), 0, FRAME, true);
        assertThat(meter.levelLeftOrMono()).isEqualTo(8000.0);
        assertThat(meter.meterStepLeftOrMono()).isEqualTo(7);
    }

    @ParameterizedTest(name = "level {0} -> step {1}")
    @CsvSource({"0, 0", "1, 0", "103, 0", "104, 1", "328, 2", "1036, 4", "32767, 8", "32768, 9"})
    void decibelsMapOntoEightSteps(double level, int step) {
        // -50 dBFS is 103.6: the first step starts just above it; full scale is 8, only -32768 is 9.
        assertThat(LevelMeter.meterStep(level)).isEqualTo(step);
    }

    @Test
    void onlyNegativeSamplesAtEveryThirdPositionAreSeen() {
        short[] mono = new short[FRAME];
        mono[1] = -30_000; // not a multiple of 3: ignored
        mono[4] = 30_000;  // positive: ignored
        mono[6] = -500;
        LevelMeter meter = new LevelMeter(false, 0.5);
        meter.update(mono, 0, FRAME, false);
        assertThat(meter.levelLeftOrMono()).isEqualTo(500.0);
    }

    @Test
    void peakDecaysByHalfPerUpdateAndResetsBelowTwo() {
        LevelMeter meter = LevelMeter.forServer();
        short[] loud = new short[FRAME];
        loud[0] = -12;
        short[] silence = new short[FRAME];
        meter.update(loud, 0, FRAME, false);
        meter.update(silence, 0, FRAME, false);
        assertThat(meter.levelLeftOrMono()).isEqualTo(6.0);
        meter.update(silence, 0, FRAME, false);
        meter.update(silence, 0, FRAME, false);
        assertThat(meter.levelLeftOrMono()).isEqualTo(1.5);
        meter.update(silence, 0, FRAME, false);
        assertThat(meter.levelLeftOrMono()).isZero();
    }

    @Test
    void monoOutputMetersTheLouderStereoChannelAndStereoOutputKeepsBoth() {
        short[] pcm = new short[2 * FRAME];
        pcm[0] = -100;
        pcm[1] = -2000;
        LevelMeter server = LevelMeter.forServer();
        server.update(pcm, 0, FRAME, true);
        assertThat(server.levelLeftOrMono()).isEqualTo(2000.0);
        LevelMeter client = new LevelMeter(true, LevelMeter.CLIENT_SMOOTHING);
        client.update(pcm, 0, FRAME, true);
        assertThat(client.levelLeftOrMono()).isEqualTo(100.0);
        assertThat(client.levelRight()).isEqualTo(2000.0);
    }
}
