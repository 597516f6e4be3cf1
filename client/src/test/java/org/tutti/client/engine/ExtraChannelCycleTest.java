package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusQuality;

/**
 * An extra channel's audio-thread half: it codes the input it was given (not the others), sends one packet per frame,
 * silences on Mute Myself while the recording keeps the input, treats an input the device lacks as silence, and
 * allocates nothing per cycle.
 */
class ExtraChannelCycleTest {
    private static final int FRAMES = 128;

    /** Three inputs: left loud, right silent, input 3 a sine of 0.25. */
    private static float[][] inputs(int cycle) {
        float[][] in = new float[3][FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            double t = (cycle * FRAMES + i) / 48_000.0;
            in[0][i] = (float) (0.9 * Math.sin(2 * Math.PI * 440 * t));
            in[2][i] = (float) (0.25 * Math.sin(2 * Math.PI * 660 * t));
        }
        return in;
    }

    /** The peak of everything sent, decoded, from the 20th packet on (after the codec's start-up). */
    private static double decodedPeak(List<byte[]> packets, StreamConfig config) {
        OpusDecoder decoder = new OpusDecoder(config.frameSamples(), config.networkChannels());
        short[] pcm = new short[config.frameSamples() * config.networkChannels()];
        int peak = 0;
        for (int p = 0; p < packets.size(); p++) {
            byte[] packet = packets.get(p);
            assertThat(packet).hasSize(config.packetBytes(true));
            assertThat(decoder.decode(packet, 0, config.codedBytes(), pcm, 0)).isEqualTo(config.frameSamples());
            for (int i = 0; p >= 20 && i < pcm.length; i++) {
                peak = Math.max(peak, Math.abs(pcm[i]));
            }
        }
        decoder.close();
        return peak / 32767.0;
    }

    private static List<byte[]> run(SplitChannel channel, StreamConfig config, boolean mute, RecordingTap tap) {
        List<byte[]> sent = new ArrayList<>();
        ExtraChannelCycle cycle = new ExtraChannelCycle(config, channel,
                (data, length) -> sent.add(java.util.Arrays.copyOf(data, length)), true);
        for (int c = 0; c < 100; c++) {
            if (tap != null) {
                assertThat(tap.begin(FRAMES)).isTrue();
            }
            cycle.process(inputs(c), FRAMES, 1f, mute, tap, 0);
            if (tap != null) {
                tap.commit(FRAMES);
            }
        }
        cycle.close();
        assertThat(sent).hasSize(100); // one frame per packet at 128 samples
        return sent;
    }

    @Test
    void sendsItsOwnInputOnly() {
        SplitChannel voice = new SplitChannel("Voice", 0, 2, -1);
        StreamConfig config = StreamConfig.choose(FRAMES, true, OpusQuality.NORMAL, voice.mode());
        assertThat(decodedPeak(run(voice, config, false, null), config)).isBetween(0.2, 0.3);
        SplitChannel silent = new SplitChannel("Silent", 0, 1, -1);
        assertThat(decodedPeak(run(silent, config, false, null), config)).isLessThan(0.01);
        SplitChannel missing = new SplitChannel("Missing", 0, 5, -1); // the device granted three inputs
        assertThat(decodedPeak(run(missing, config, false, null), config)).isLessThan(0.01);
    }

    @Test
    void aPairIsAStereoStream() {
        SplitChannel pair = new SplitChannel("Pair", 0, 0, 2);
        StreamConfig config = StreamConfig.choose(FRAMES, true, OpusQuality.NORMAL, pair.mode());
        assertThat(config.networkChannels()).isEqualTo(2);
        assertThat(decodedPeak(run(pair, config, false, null), config)).isBetween(0.8, 1.0);
    }

    @Test
    void muteSilencesTheStreamButNotTheRecording() {
        SplitChannel voice = new SplitChannel("Voice", 0, 2, -1);
        StreamConfig config = StreamConfig.choose(FRAMES, true, OpusQuality.NORMAL, voice.mode());
        RecordingTap tap = new RecordingTap(1 << 15, 1);
        assertThat(decodedPeak(run(voice, config, true, tap), config)).isLessThan(0.01);
        short[] own = new short[2 * 100 * FRAMES];
        short[] mix = new short[own.length];
        short[][] extra = {new short[own.length]};
        assertThat(tap.drain(own, mix, extra, 100 * FRAMES)).isEqualTo(100 * FRAMES);
        int peak = 0;
        for (short s : extra[0]) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak / 32767.0).isBetween(0.24, 0.26);
    }

    @Test
    void theAudioCallbackDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        SplitChannel pair = new SplitChannel("Pair", 0, 0, 2);
        StreamConfig config = StreamConfig.choose(FRAMES, true, OpusQuality.NORMAL, pair.mode());
        long[] bytes = new long[1];
        ExtraChannelCycle cycle = new ExtraChannelCycle(config, pair, (data, length) -> bytes[0] += length, true);
        RecordingTap tap = new RecordingTap(1 << 12, 3);
        short[] own = new short[2 * 4096];
        short[] mix = new short[2 * 4096];
        short[][] extra = {new short[2 * 4096], new short[2 * 4096], new short[2 * 4096]};
        float[][] in = inputs(0);
        for (int c = 0; c < 3000; c++) { // warm up: class loading, JIT
            tap.begin(FRAMES);
            cycle.process(in, FRAMES, 2f, false, tap, 1);
            tap.commit(FRAMES);
            tap.drain(own, mix, extra, 4096);
        }
        int cycles = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int c = 0; c < cycles; c++) {
            tap.begin(FRAMES);
            cycle.process(in, FRAMES, 2f, false, tap, 1);
            tap.commit(FRAMES);
            tap.drain(own, mix, extra, 4096);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        cycle.close();
        assertThat(bytes[0]).isPositive();
        assertThat((double) allocated / cycles).as("bytes allocated per cycle").isLessThan(1.0);
    }
}
