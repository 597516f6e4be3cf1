package org.tutti.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveStatsTest {
    private static final long PERIOD = 2_666_667;

    @Test
    void evenStreamHasOneFrameGapsAndNothingLostOrLate() {
        ReceiveStats s = new ReceiveStats();
        for (int i = 0; i < 1000; i++) {
            s.onPacket(i * PERIOD, i & 0xFF, PERIOD);
        }
        assertThat(s.packets).isEqualTo(1000);
        assertThat(s.sequenced).isEqualTo(1000);
        assertThat(s.lost).isZero();
        assertThat(s.late).isZero();
        assertThat(s.gapQuantileMs(0.5)).isBetween(2.66, 2.68);
        assertThat(s.gapQuantileMs(0.99)).isBetween(2.66, 2.68);
    }

    @Test
    void skippedSequenceNumbersAcrossTheWrapCountAsLost() {
        ReceiveStats s = new ReceiveStats();
        s.onPacket(0, 254, PERIOD);
        s.onPacket(PERIOD, 255, PERIOD);
        s.onPacket(4 * PERIOD, 2, PERIOD); // 0 and 1 never came; a 3-frame gap
        assertThat(s.lost).isEqualTo(2);
        assertThat(s.late).isEqualTo(1);
        assertThat(s.maxGapNanos).isEqualTo(3 * PERIOD);
    }

    @Test
    void aLateArrivalIsReorderedNotLost() {
        ReceiveStats s = new ReceiveStats();
        s.onPacket(0, 10, PERIOD);
        s.onPacket(PERIOD, 12, PERIOD);
        s.onPacket(2 * PERIOD, 11, PERIOD);
        assertThat(s.lost).isZero();
        assertThat(s.reordered).isEqualTo(1);
    }

    @Test
    void addMergesHistogramsAndCountersAndResetClears() {
        ReceiveStats a = new ReceiveStats();
        ReceiveStats b = new ReceiveStats();
        a.onPacket(0, -1, PERIOD);
        a.onPacket(PERIOD, -1, PERIOD);
        b.onPacket(0, -1, PERIOD);
        b.onPacket(10 * PERIOD, -1, PERIOD);
        ReceiveStats all = new ReceiveStats();
        all.add(a);
        all.add(b);
        assertThat(all.packets).isEqualTo(4);
        assertThat(all.sequenced).isZero();
        assertThat(all.gapQuantileMs(0.5)).isBetween(2.66, 2.68);
        assertThat(all.gapQuantileMs(1.0)).isBetween(26.66, 26.68);
        all.reset();
        assertThat(all.packets).isZero();
        assertThat(all.gapQuantileMs(0.5)).isNaN();
    }
}
