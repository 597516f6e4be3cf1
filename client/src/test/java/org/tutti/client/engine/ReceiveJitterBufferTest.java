package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveJitterBufferTest {
    private final byte[] out = new byte[8];

    private static byte[] frame(int value) {
        return new byte[] {(byte) value, 1, 2};
    }

    @Test
    void waitsForTargetThenPlaysInSequenceOrderEvenWhenReordered() {
        ReceiveJitterBuffer jb = new ReceiveJitterBuffer(3, 3);
        jb.put(frame(10), 0, 3, 10);
        assertThat(jb.take(out)).isEqualTo(-1); // still buffering
        jb.put(frame(12), 0, 3, 12);
        jb.put(frame(11), 0, 3, 11);
        assertThat(jb.take(out)).isEqualTo(3);
        assertThat(out[0]).isEqualTo((byte) 10);
        jb.take(out);
        assertThat(out[0]).isEqualTo((byte) 11);
        jb.take(out);
        assertThat(out[0]).isEqualTo((byte) 12);
    }

    @Test
    void aMissingFrameIsReportedLostAndLateOnesAreDropped() {
        ReceiveJitterBuffer jb = new ReceiveJitterBuffer(3, 2);
        jb.put(frame(1), 0, 3, 254);
        jb.put(frame(3), 0, 3, 0); // 255 missing, counter wrapped
        jb.put(frame(4), 0, 3, 1);
        assertThat(jb.take(out)).isEqualTo(3); // starts at latest - target + 1 = seq 0 → frame 3
        assertThat(out[0]).isEqualTo((byte) 3);
        jb.put(frame(9), 0, 3, 255); // arrives after its turn
        assertThat(jb.late).isEqualTo(1);
        assertThat(jb.take(out)).isEqualTo(3);
        assertThat(out[0]).isEqualTo((byte) 4);
        assertThat(jb.take(out)).isEqualTo(0); // seq 2 never came: conceal
        assertThat(jb.lost).isEqualTo(1);
    }

    @Test
    void restartsAfterAnOutageAndSkipsPiledUpDelay() {
        ReceiveJitterBuffer jb = new ReceiveJitterBuffer(3, 2);
        for (int s = 0; s < 2; s++) {
            jb.put(frame(s), 0, 3, s);
        }
        for (int i = 0; i < 5; i++) {
            jb.take(out);
        }
        assertThat(jb.underruns).isEqualTo(1);
        assertThat(jb.take(out)).isEqualTo(-1); // buffering again
        for (int s = 2; s < 40; s++) {
            jb.put(frame(s), 0, 3, s);
        }
        assertThat(jb.take(out)).isEqualTo(3);
        assertThat(out[0]).isEqualTo((byte) 38); // plays near the newest, not 36 frames behind
    }

    @Test
    void worksWithoutSequenceNumbersInArrivalOrder() {
        ReceiveJitterBuffer jb = new ReceiveJitterBuffer(3, 1);
        jb.put(frame(7), 0, 3, -1);
        jb.take(out);
        assertThat(out[0]).isEqualTo((byte) 7);
        jb.put(frame(8), 0, 3, -1);
        jb.take(out);
        assertThat(out[0]).isEqualTo((byte) 8);
    }
}
