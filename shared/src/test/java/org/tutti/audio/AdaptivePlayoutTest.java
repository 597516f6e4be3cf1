package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted arrivals against the Tutti auto strategy: what it does with late, lost and copied frames. */
class AdaptivePlayoutTest {
    private final byte[] in = new byte[4];
    private final byte[] out = new byte[4];
    private final JitterBuffer buffer = new JitterBuffer(4, 128, true, 4);
    private final List<Integer> played = new ArrayList<>();

    AdaptivePlayoutTest() {
        buffer.setAuto(JitterBuffer.AutoStrategy.TUTTI);
    }

    private void put(int seq) {
        in[0] = (byte) (seq >> 8);
        in[1] = (byte) seq;
        buffer.put(in, 0, 2, seq, 0);
    }

    private void get() {
        int len = buffer.get(out, 0);
        played.add(len < 0 ? -1 : ((out[0] & 0xFF) << 8 | (out[1] & 0xFF)));
    }

    /** One frame per get, in order, for {@code gets} gets starting at frame {@code from}. */
    private int steady(int from, int gets) {
        for (int i = 0; i < gets; i++) {
            put(from + i);
            get();
        }
        return from + gets;
    }

    @Test
    void steadyStreamSettlesAtTheSmallestDelay() {
        steady(0, 3000);
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(played.subList(2000, 3000)).doesNotContain(-1);
        assertThat(played.get(2999)).as("frame put just before this get").isEqualTo(2999);
    }

    @Test
    void lostFrameIsConcealedWithoutAddingDelay() {
        int next = steady(0, 3000);
        get();           // frame 3000 never comes
        put(next + 1);   // 3001 arrives in its own slot
        get();
        steady(next + 2, 10);
        assertThat(played.subList(3000, 3003)).containsExactly(-1, 3001, 3002);
        assertThat(buffer.counters().holds()).isZero();
    }

    @Test
    void isolatedLateFrameIsDroppedRatherThanRaisingTheDelay() {
        int next = steady(0, 3000);
        get();          // 3000 is late
        put(next);      // ... and arrives after its slot has passed
        put(next + 1);
        get();
        steady(next + 2, 10);
        assertThat(buffer.counters().late()).isEqualTo(1);
        assertThat(buffer.counters().holds()).isZero();
        assertThat(played.subList(3000, 3003)).containsExactly(-1, 3001, 3002);
    }

    @Test
    void recurringLatenessRaisesTheDelayAndThenLateFramesArePlayed() {
        int next = steady(0, 3000);
        for (int round = 0; round < 40; round++) { // every 100 frames, one arrives two frames late
            get();
            get();
            put(next);
            put(next + 1);
            put(next + 2);
            get();
            next = steady(next + 3, 97);
        }
        JitterCounters c = buffer.counters();
        assertThat(buffer.size()).as("target delay in frames").isGreaterThanOrEqualTo(3);
        int lastRound = played.size() - 100;
        assertThat(played.subList(lastRound, played.size())).as("the late frames now make it in time").doesNotContain(-1);
        assertThat(c.holds()).isPositive();
    }

    @Test
    void duplicatesAreCountedAndPlayedOnce() {
        int next = steady(0, 3000);
        put(next);
        put(next);
        get();
        put(next); // a copy arriving after the original was played
        put(next + 1);
        get();
        assertThat(played.subList(3000, 3002)).containsExactly(next, next + 1);
        assertThat(buffer.counters().duplicates()).isEqualTo(2);
        assertThat(buffer.counters().late()).isZero();
    }
}
