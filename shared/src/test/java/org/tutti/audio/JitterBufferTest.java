package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted arrival patterns against the Jamulus window semantics (manual size) and FIFO mode. */
class JitterBufferTest {
    private static final int MAX_BYTES = 8;
    private final byte[] in = new byte[MAX_BYTES];
    private final byte[] out = new byte[MAX_BYTES];

    private boolean put(JitterBuffer buffer, int seq) {
        in[0] = (byte) (seq >> 8);
        in[1] = (byte) seq;
        return buffer.put(in, 0, 2, seq, 0);
    }

    /** Gets {@code n} frames: the sequence number played, or -1 for conceal. */
    private List<Integer> get(JitterBuffer buffer, int n) {
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = buffer.get(out, 0);
            played.add(len < 0 ? -1 : ((out[0] & 0xFF) << 8 | (out[1] & 0xFF)));
        }
        return played;
    }

    @Test
    void nothingIsPlayedOrCountedBeforeTheFirstFrame() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 3);
        assertThat(get(buffer, 2)).containsExactly(-1, -1);
        assertThat(buffer.counters().concealed()).isZero();
    }

    @Test
    void firstFrameBecomesTheLastBlockSoTheWindowSizeIsTheStartDelay() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 3);
        put(buffer, 10);
        assertThat(get(buffer, 3)).containsExactly(-1, -1, 10);
    }

    @Test
    void framesArrivingFasterThanReadPushTheWindowSoTheNewestIsLast() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 3);
        for (int seq = 10; seq <= 14; seq++) {
            put(buffer, seq);
        }
        assertThat(get(buffer, 4)).containsExactly(12, 13, 14, -1);
        assertThat(buffer.counters().overruns()).isEqualTo(2);
    }

    @Test
    void steadyStreamPlaysEveryFrameInOrder() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 2);
        List<Integer> played = new ArrayList<>();
        for (int seq = 0; seq < 600; seq++) { // crosses the 8-bit wrap twice
            put(buffer, seq);
            played.addAll(get(buffer, 1));
        }
        assertThat(played.subList(1, played.size())).isEqualTo(range(0, 598));
        assertThat(buffer.counters().concealed()).as("only the start-up block").isEqualTo(1);
    }

    @Test
    void reorderedFramesInsideTheWindowAreReorderedBack() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 4);
        put(buffer, 3); // window 0..3
        put(buffer, 1);
        put(buffer, 0);
        put(buffer, 2);
        assertThat(get(buffer, 4)).containsExactly(0, 1, 2, 3);
        assertThat(buffer.counters().late()).isZero();
    }

    @Test
    void duplicateIsCountedAndPlayedOnce() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 2);
        put(buffer, 1); // window 0..1
        put(buffer, 1);
        assertThat(get(buffer, 3)).containsExactly(-1, 1, -1);
        assertThat(buffer.counters().duplicates()).isEqualTo(1);
    }

    @Test
    void lostFrameIsConcealedInItsPlace() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 4);
        put(buffer, 3); // window 0..3
        put(buffer, 1);
        assertThat(get(buffer, 3)).containsExactly(-1, 1, -1);
        assertThat(buffer.counters().underruns()).as("frames were buffered behind each gap").isZero();
        put(buffer, 4);
        assertThat(get(buffer, 3)).containsExactly(3, 4, -1);
        assertThat(buffer.counters().concealed()).isEqualTo(3);
    }

    @Test
    void earlyFrameMovesTheWindowForwardAndDropsWhatFallsOut() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 2);
        put(buffer, 1); // window 0..1
        put(buffer, 5); // window 4..5: frame 1 falls out
        assertThat(buffer.counters().early()).isEqualTo(1);
        assertThat(buffer.counters().overruns()).isEqualTo(1);
        assertThat(get(buffer, 2)).containsExactly(-1, 5);
    }

    @Test
    void lateFrameMovesTheWindowBackLikeJamulus() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 3);
        put(buffer, 10); // window 8..10
        assertThat(get(buffer, 3)).containsExactly(-1, -1, 10);
        put(buffer, 9); // read position is 11: 9 is late by 2, the window moves back to 9..11
        put(buffer, 11);
        assertThat(buffer.counters().late()).isEqualTo(1);
        assertThat(get(buffer, 3)).containsExactly(9, -1, 11);
    }

    @Test
    void invalidLengthsAreRejectedAndCounted() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 2);
        assertThat(buffer.put(in, 0, 0, 1, 0)).isFalse();
        assertThat(buffer.put(new byte[MAX_BYTES + 1], 0, MAX_BYTES + 1, 1, 0)).isFalse();
        assertThat(buffer.counters().invalid()).isEqualTo(2);
        assertThat(buffer.counters().puts()).isZero();
    }

    @Test
    void fifoDropsWhenFullAndConcealsWhenEmpty() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, false, 2);
        assertThat(put(buffer, 7)).isTrue();
        assertThat(put(buffer, 8)).isTrue();
        assertThat(put(buffer, 9)).isFalse();
        assertThat(get(buffer, 3)).containsExactly(7, 8, -1);
        assertThat(buffer.counters().overruns()).isEqualTo(1);
        assertThat(buffer.counters().underruns()).isEqualTo(1);
    }

    @Test
    void fifoIgnoresSequenceNumbers() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, false, 4);
        put(buffer, 3);
        put(buffer, 1);
        put(buffer, 1);
        assertThat(get(buffer, 3)).containsExactly(3, 1, 1);
    }

    @Test
    void shrinkingTheManualSizeDropsBlocksBeyondTheNewWindow() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 4);
        for (int seq = 0; seq <= 3; seq++) {
            put(buffer, seq);
        }
        buffer.setManualSize(2);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.counters().overruns()).isEqualTo(2);
        assertThat(get(buffer, 3)).containsExactly(0, 1, -1);
    }

    @Test
    void sizeOutsideOneToTwentyIsRejected() {
        JitterBuffer buffer = new JitterBuffer(MAX_BYTES, 128, true, 4);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> buffer.setManualSize(0));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> buffer.setManualSize(21));
    }

    @Test
    void arrivalJitterIsZeroForPeriodicArrivalsAndGrowsWithIrregularOnes() {
        long period = 2_666_666;
        JitterBuffer periodic = new JitterBuffer(MAX_BYTES, 128, true, 4);
        JitterBuffer irregular = new JitterBuffer(MAX_BYTES, 128, true, 4);
        for (int seq = 0; seq < 500; seq++) {
            periodic.put(in, 0, 2, seq, seq * period);
            irregular.put(in, 0, 2, seq, seq * period + (seq % 2 == 0 ? 0 : 1_000_000));
        }
        assertThat(periodic.arrivalJitterMs()).isLessThan(0.001);
        assertThat(irregular.arrivalJitterMs()).isBetween(0.9, 1.1); // every spacing is off by 1 ms
    }

    static List<Integer> range(int from, int toInclusive) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i <= toInclusive; i++) {
            list.add(i);
        }
        return list;
    }
}
