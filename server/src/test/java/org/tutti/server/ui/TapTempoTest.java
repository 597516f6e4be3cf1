package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tap tempo from given tap times: the mean of the last four intervals, a long pause starts over, 30..300 bpm. */
class TapTempoTest {
    private static final long MS = 1_000_000L;

    @Test
    void theTempoOfTheLastTapsFromTheSecondTapOn() {
        TapTempo t = new TapTempo();
        assertThat(t.tap(0)).isEqualTo(-1);
        assertThat(t.tap(500 * MS)).isEqualTo(120);
        assertThat(t.tap(1000 * MS)).isEqualTo(120);
        assertThat(t.tap(1625 * MS)).isEqualTo(111); // mean of 500, 500, 625 ms = 541.7 ms
        assertThat(t.tap(2250 * MS)).isEqualTo(107); // 500, 500, 625, 625
        assertThat(t.tap(2875 * MS)).isEqualTo(101); // only the last four: 500, 625, 625, 625 (593.75 ms)
        assertThat(t.tap(3500 * MS)).isEqualTo(96); // 625 × 4
    }

    @Test
    void aLongPauseStartsANewCountAndExtremesAreClamped() {
        TapTempo t = new TapTempo();
        t.tap(0);
        t.tap(400 * MS);
        assertThat(t.tap(3000 * MS)).as("after 2.6 s: a new first tap").isEqualTo(-1);
        assertThat(t.tap(3100 * MS)).as("600 bpm clamped").isEqualTo(300);
        TapTempo slow = new TapTempo();
        slow.tap(0);
        assertThat(slow.tap(2050 * MS)).as("29.3 bpm clamped").isEqualTo(30);
    }
}
