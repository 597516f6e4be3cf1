package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.codec.OpusQuality;

/** The audio path on the deterministic fake backend, with the network replaced by an in-memory echo. */
class ClientAudioCycleTest {
    private static void sine(float[][] in, int frames, long index) {
        for (int i = 0; i < frames; i++) {
            float v = (float) (0.5 * Math.sin(2 * Math.PI * 440 * (index + i) / 48_000.0));
            in[0][i] = v;
            in[1][i] = v;
        }
    }

    private record Run(List<byte[]> sent, float peak, ClientAudioCycle path) {
    }

    private Run echo(int backendFrames, boolean small, ChannelMode mode, boolean seq, int cycles) {
        return echo(backendFrames, small, mode, seq, cycles, 2);
    }

    private Run echo(int backendFrames, boolean small, ChannelMode mode, boolean seq, int cycles, int jitterBlocks) {
        StreamConfig config = StreamConfig.choose(backendFrames, small, OpusQuality.NORMAL, mode);
        PacketRing ring = new PacketRing(64);
        List<byte[]> sent = new ArrayList<>();
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> {
            sent.add(java.util.Arrays.copyOf(data, length));
            ring.offer(data, 0, length); // the "server" echoes our stream
        }, jitterBlocks);
        path.withSequenceNumber = seq;
        FakeStream stream = FakeBackendProvider.openFake(backendFrames, path);
        stream.setInput(ClientAudioCycleTest::sine);
        stream.start();
        float peak = 0;
        for (int c = 0; c < cycles; c++) {
            stream.runCycles(1);
            peak = Math.max(peak, path.outputPeak);
        }
        path.close();
        return new Run(sent, peak, path);
    }

    @Test
    void opus64PacketsCarryOneFramePlusSequenceByte() {
        Run r = echo(64, true, ChannelMode.STEREO, true, 200);
        assertThat(r.sent()).hasSize(200);
        assertThat(r.sent()).allSatisfy(p -> assertThat(p).hasSize(36));
        assertThat(r.sent().get(5)[35]).isEqualTo((byte) 5);
        assertThat(r.peak()).isGreaterThan(0.3f); // the echoed sine is audible
        assertThat(r.path().packetsWrongSize).isZero();
        assertThat(r.path().decodeErrors).isZero();
    }

    @Test
    void buffer256SendsTwoFramesPerPacketWithConsecutiveSequenceNumbers() {
        Run r = echo(256, true, ChannelMode.MONO, true, 100);
        assertThat(r.sent()).hasSize(100);
        byte[] p = r.sent().get(3);
        assertThat(p).hasSize(92);
        assertThat(p[45]).isEqualTo((byte) 6);
        assertThat(p[91]).isEqualTo((byte) 7);
        assertThat(r.peak()).isGreaterThan(0.3f);
    }

    @Test
    void buffer64WithoutSmallBuffersGathersTwoCyclesPerOpusFrame() {
        Run r = echo(64, false, ChannelMode.MONO_IN_STEREO_OUT, false, 200);
        assertThat(r.sent()).hasSize(100);
        assertThat(r.sent()).allSatisfy(p -> assertThat(p).hasSize(71));
        assertThat(r.peak()).isGreaterThan(0.3f);
    }

    @Test
    void aGapOfLostPacketsCountsAsOneDropoutAndEachFrameAsConcealed() {
        StreamConfig config = StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.MONO);
        PacketRing ring = new PacketRing(64);
        int[] sentCount = {0};
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> {
            int n = sentCount[0]++;
            if (!(n >= 50 && n < 53) && n != 80) { // the "server" loses packets 50-52 and 80
                ring.offer(data, 0, length);
            }
        }, 2);
        path.withSequenceNumber = true;
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        stream.setInput(ClientAudioCycleTest::sine);
        stream.start();
        stream.runCycles(20); // start-up: the window's first block is empty once
        long concealedBefore = path.framesConcealed;
        long dropoutsBefore = path.dropouts;
        stream.runCycles(180);
        path.close();
        assertThat(path.framesConcealed - concealedBefore).isEqualTo(4);
        assertThat(path.dropouts - dropoutsBefore).isEqualTo(2);
        // the echo has no delay, so at a gap the buffer is empty: those concealments are underruns too
        assertThat(path.underruns).isBetween(1L, 4L);
    }

    @Test
    void automaticJitterBufferPlaysTheEchoToo() {
        Run r = echo(128, true, ChannelMode.STEREO, true, 300, 0);
        assertThat(r.peak()).isGreaterThan(0.3f);
        assertThat(r.path().jitterSize).isBetween(1, 20);
    }

    @Test
    void theAudioCallbackDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        StreamConfig config = StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.STEREO);
        PacketRing ring = new PacketRing(64);
        // with drift compensation (resampler and control loop in the path)
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> ring.offer(data, 0, length), 0, true);
        path.withSequenceNumber = true;
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        stream.setInput(ClientAudioCycleTest::sine);
        stream.start();
        stream.runCycles(3000); // warm up: class loading, JIT, jitter buffer auto state
        int cycles = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        stream.runCycles(cycles);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        path.close();
        // Any per-cycle object would cost ≥ 16 bytes a cycle; the JVM itself adds a few hundred bytes now and then.
        assertThat((double) allocated / cycles).as("bytes allocated per cycle").isLessThan(1.0);
    }

    @Test
    void inputPanAndBoostShapeWhatIsSent() {
        StreamConfig config = StreamConfig.choose(128, true, OpusQuality.HIGH, ChannelMode.STEREO);
        PacketRing ring = new PacketRing(64);
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> ring.offer(data, 0, length), 2);
        path.inputPan = 50; // hard right: the left input is silenced
        path.inputBoost = 1.5f;
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        stream.setInput(ClientAudioCycleTest::sine); // 0.5 amplitude on both sides
        stream.start();
        float left = 0;
        float right = 0;
        for (int c = 0; c < 200; c++) {
            stream.runCycles(1);
            if (c > 50) {
                for (float v : stream.lastOutput(0)) {
                    left = Math.max(left, Math.abs(v));
                }
                for (float v : stream.lastOutput(1)) {
                    right = Math.max(right, Math.abs(v));
                }
            }
        }
        path.close();
        assertThat(left).isLessThan(0.05f);
        assertThat(right).isGreaterThan(0.6f); // 0.5 × 1.5 after the codec
        // the meters show the inputs after the boost and before the balance, as Jamulus's do
        assertThat(path.inputPeakLeft).isBetween(0.7f, 0.76f);
        assertThat(path.inputPeakRight).isBetween(0.7f, 0.76f);
    }

    @Test
    void muteMyselfStreamsSilence() {
        StreamConfig config = StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.MONO);
        PacketRing ring = new PacketRing(64);
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> ring.offer(data, 0, length), 2);
        path.muteMyself = true;
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        stream.setInput(ClientAudioCycleTest::sine);
        stream.start();
        float peak = 0;
        for (int c = 0; c < 100; c++) {
            stream.runCycles(1);
            peak = Math.max(peak, path.outputPeak);
        }
        assertThat(path.packetsSent).isEqualTo(100);
        assertThat(peak).isLessThan(0.01f);
        path.close();
    }

    @Test
    void wrongSizedPacketsAreCountedNotPlayed() {
        StreamConfig config = StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.MONO);
        PacketRing ring = new PacketRing(64);
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> { }, 2);
        ring.offer(new byte[] {1, 2, 3, 4, 5}, 0, 5);
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        stream.start();
        stream.runCycles(1);
        assertThat(path.packetsWrongSize).isEqualTo(1);
        assertThat(path.packetsReceived).isZero();
        path.close();
    }
}
