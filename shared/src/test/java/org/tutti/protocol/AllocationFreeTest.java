package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.tutti.codec.OpusQuality;

/**
 * The per-audio-packet path (classification, packet view) allocates nothing: measured with the JVM's per-thread
 * allocation counter over 200,000 datagrams. A single allocation per call would show up as megabytes.
 */
class AllocationFreeTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void classifyingAndViewingAudioDoesNotAllocate() {
        AudioPacketLayout layout = AudioPacketLayout.opus(AudioCodec.OPUS, OpusQuality.HIGH, 2, 2, true);
        byte[] audio = new byte[layout.packetBytes()];
        audio[0] = 0; // a zero tag makes classification look at the length field too
        byte[] frame = MessageCodec.encodeFrame(new ConnectionlessMessage.ChannelLevelList(new byte[] {1, 2, 3}), 0);
        AudioPacketView view = new AudioPacketView();
        long sink = run(audio, frame, layout, view, 20_000); // warm-up
        long before = THREADS.getCurrentThreadAllocatedBytes();
        sink += run(audio, frame, layout, view, 200_000);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isPositive();
        assertThat(allocated).as("bytes allocated for 200,000 packets").isLessThan(10_000);
    }

    private static long run(byte[] audio, byte[] frame, AudioPacketLayout layout, AudioPacketView view, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            audio[5] = (byte) i;
            if (DatagramKind.classify(audio, 0, audio.length) == DatagramKind.AUDIO && view.wrap(audio, 0,
                    audio.length, layout)) {
                for (int k = 0; k < view.frameCount(); k++) {
                    view.sequence(k, i + k);
                    sum += view.codedOffset(k) + view.sequence(k);
                }
            }
            if (DatagramKind.classify(frame, 0, frame.length) == DatagramKind.CONNECTIONLESS) {
                sum += Frame.id(frame, 0) + Frame.bodyLength(frame, 0);
            }
        }
        return sum;
    }
}
