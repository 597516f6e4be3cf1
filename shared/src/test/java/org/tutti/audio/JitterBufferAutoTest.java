package org.tutti.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auto sizing, clock drift and the zero-allocation hot path, for every mode. */
class JitterBufferAutoTest {
    private static final int BYTES = 71;

    private static JitterBuffer buffer(String mode, boolean sequenced) {
        JitterBuffer buffer = new JitterBuffer(BYTES, 128, sequenced, 4);
        switch (mode) {
            case "manual" -> { }
            case "jamulus" -> buffer.setAuto(JitterBuffer.AutoStrategy.JAMULUS);
            case "tutti" -> buffer.setAuto(JitterBuffer.AutoStrategy.TUTTI);
            default -> throw new IllegalArgumentException(mode);
        }
        return buffer;
    }

    @ParameterizedTest(name = "{0} sequenced={1}: sender {2} ppm")
    @CsvSource({
        "manual, true, 10000", "manual, true, -10000", "manual, false, 10000", "manual, false, -10000",
        "jamulus, true, 10000", "jamulus, true, -10000", "jamulus, false, 10000", "jamulus, false, -10000",
        "tutti, true, 10000", "tutti, true, -10000", "tutti, false, 10000", "tutti, false, -10000"})
    void clockDriftNeitherGrowsNorDrainsTheBufferWithoutBound(String mode, boolean sequenced, int ppm) {
        JitterBuffer buffer = buffer(mode, sequenced);
        byte[] frame = new byte[BYTES];
        byte[] out = new byte[BYTES];
        long gets = 200_000;
        int seq = 0;
        double sent = 0;
        long maxDelayFrames = 0;
        for (long g = 0; g < gets; g++) {
            for (sent += 1.0 + ppm * 1e-6; sent >= 1.0; sent -= 1.0) { // sender runs at its own rate
                frame[0] = (byte) (seq >> 24); frame[1] = (byte) (seq >> 16); frame[2] = (byte) (seq >> 8); frame[3] = (byte) seq;
                buffer.put(frame, 0, BYTES, seq++, 0);
            }
            int len = buffer.get(out, 0);
            if (len > 0 && g > gets / 2) {
                int played = (out[0] & 0xFF) << 24 | (out[1] & 0xFF) << 16 | (out[2] & 0xFF) << 8 | (out[3] & 0xFF);
                maxDelayFrames = Math.max(maxDelayFrames, seq - 1 - played);
            }
        }
        JitterCounters c = buffer.counters();
        long corrections = c.concealed() + c.overruns() + c.skips();
        long driftFrames = Math.abs((long) ppm) * gets / 1_000_000;
        assertThat(maxDelayFrames).as("frames between newest arrival and playout").isLessThanOrEqualTo(JitterBuffer.MAX_SIZE);
        assertThat(corrections).as(c.toString()).isGreaterThanOrEqualTo(driftFrames / 2).isLessThanOrEqualTo(driftFrames * 3);
    }

    @Test
    void jamulusAutoShrinksOnACleanNetworkAndGrowsOnAJitteryOne() {
        assertThat(sizeAfter(trace(0.1), JitterBuffer.AutoStrategy.JAMULUS)).isLessThan(JamulusAutoSizer.START_SIZE);
        assertThat(sizeAfter(trace(4.0), JitterBuffer.AutoStrategy.JAMULUS)).isGreaterThan(JamulusAutoSizer.START_SIZE);
    }

    @Test
    void tuttiAutoTargetFollowsTheMeasuredJitter() {
        int clean = sizeAfter(trace(0.1), JitterBuffer.AutoStrategy.TUTTI);
        int jittery = sizeAfter(trace(4.0), JitterBuffer.AutoStrategy.TUTTI);
        assertThat(clean).isLessThanOrEqualTo(2);
        assertThat(jittery).isGreaterThan(clean + 3);
    }

    private static NetworkTrace trace(double meanJitterMs) {
        return NetworkTrace.builder("exp " + meanJitterMs, 42, 3 * 60 * 375)
                .delay((s, t, r) -> NetworkTrace.exponential(r, meanJitterMs * 1e6)).build();
    }

    private static int sizeAfter(NetworkTrace trace, JitterBuffer.AutoStrategy strategy) {
        JitterBuffer buffer = new JitterBuffer(PlayoutSimulator.FRAME_BYTES, 128, true, 4);
        buffer.setAuto(strategy);
        PlayoutSimulator.run(trace, strategy.name(), buffer);
        return buffer.size();
    }

    @ParameterizedTest(name = "{0} sequenced={1}")
    @CsvSource({"manual, true", "manual, false", "jamulus, true", "jamulus, false", "tutti, true", "tutti, false"})
    void putAndGetDoNotAllocate(String mode, boolean sequenced) {
        JitterBuffer buffer = buffer(mode, sequenced);
        byte[] frame = new byte[BYTES];
        byte[] out = new byte[BYTES];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        cycle(buffer, frame, out, 50_000); // warm up, let the JIT settle
        long before = threads.getThreadAllocatedBytes(thread);
        cycle(buffer, frame, out, 50_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated by 50,000 put/get cycles").isZero();
    }

    /** A jittery pattern: 0, 1 or 2 frames per get, sometimes reordered, so every path runs. */
    private static void cycle(JitterBuffer buffer, byte[] frame, byte[] out, int gets) {
        int seq = 0;
        for (int g = 0; g < gets; g++) {
            int burst = (g * 7919) % 3;
            for (int i = 0; i < burst; i++) {
                int s = (g % 11 == 0 && i == 0) ? seq + 1 : seq;
                buffer.put(frame, 0, BYTES, s, g * 2_666_667L);
                seq++;
            }
            buffer.get(out, 0);
        }
    }
}
