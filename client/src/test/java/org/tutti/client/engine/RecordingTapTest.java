package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tap between the audio thread and the home recorder's writer: cycles of any length go through many wrap-arounds
 * of the ring in order, own input and mix of a frame stay together, and a cycle that does not fit is dropped whole.
 */
class RecordingTapTest {
    @Test
    void framesComeOutInOrderAcrossWrapArounds() {
        RecordingTap tap = new RecordingTap(256);
        short[] own = new short[2 * 64];
        short[] mix = new short[2 * 64];
        int[] lengths = {100, 37, 128, 1, 64, 90};
        int written = 0;
        int read = 0;
        for (int cycle = 0; cycle < 300; cycle++) {
            int frames = lengths[cycle % lengths.length];
            assertThat(tap.begin(frames)).as("cycle %d fits", cycle).isTrue();
            float[][] out = new float[2][frames];
            for (int i = 0; i < frames; i++) {
                short v = (short) (written + i);
                tap.own(i, v, (short) -v);
                out[0][i] = InputMix.toCard((short) (v ^ 0x5555));
                out[1][i] = InputMix.toCard((short) (v + 7));
            }
            tap.mix(out, frames);
            tap.commit(frames);
            written += frames;
            int n;
            while ((n = tap.drain(own, mix, 64)) > 0) {
                for (int i = 0; i < n; i++) {
                    short v = (short) (read + i);
                    assertThat(own[2 * i]).isEqualTo(v);
                    assertThat(own[2 * i + 1]).isEqualTo((short) -v);
                    assertThat(mix[2 * i]).isEqualTo((short) (v ^ 0x5555));
                    assertThat(mix[2 * i + 1]).isEqualTo((short) (v + 7));
                }
                read += n;
            }
        }
        assertThat(read).isEqualTo(written).isGreaterThan(20 * 256);
        assertThat(tap.droppedFrames()).isZero();
    }

    @Test
    void aCycleThatDoesNotFitIsDroppedWholeAndCounted() {
        RecordingTap tap = new RecordingTap(256);
        assertThat(tap.begin(200)).isTrue();
        tap.commit(200);
        assertThat(tap.begin(100)).as("only 56 frames free").isFalse();
        assertThat(tap.droppedFrames()).isEqualTo(100);
        short[] own = new short[512];
        short[] mix = new short[512];
        assertThat(tap.drain(own, mix, 256)).isEqualTo(200);
        assertThat(tap.begin(100)).isTrue();
    }

    @Test
    void theMixIsRoundedBackToTheSixteenBitSampleItCameFrom() {
        for (int s = Short.MIN_VALUE + 1; s <= Short.MAX_VALUE; s++) {
            assertThat(RecordingTap.toPcm16(InputMix.toCard((short) s))).isEqualTo((short) s);
        }
        assertThat(RecordingTap.toPcm16(2f)).isEqualTo(Short.MAX_VALUE);
        assertThat(RecordingTap.toPcm16(-2f)).isEqualTo(Short.MIN_VALUE);
    }
}
