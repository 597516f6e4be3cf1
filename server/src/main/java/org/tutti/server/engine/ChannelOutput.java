package org.tutti.server.engine;

import org.tutti.codec.OpusEncoder;

/**
 * A channel's output stream: this listener's clipped mix, the codec-frame accumulator, its encoder and the packet
 * being built with its sequence number.
 *
 * <p><b>One writer:</b> in the mix phase, the one thread that mixes this listener this tick ({@link AudioPath}).
 * Before that phase the engine thread picks the listener's {@link #sharedGroup} ({@link SharedEncodes}); the
 * encoder is replaced only when the control state's stream format changes ({@link ClientChannel#setProps}, engine
 * thread, between ticks).
 */
final class ChannelOutput {
    final short[] mix = new short[ChannelInput.MAX_FRAME_SAMPLES * 2];
    final short[] accumulated = new short[ChannelInput.MAX_FRAME_SAMPLES * 2];
    int accumulatedSamples;
    final byte[] packet = new byte[(ChannelInput.MAX_CODED_BYTES + 1) * 4];
    int packetBytes;
    int packetFrames;
    int txSequence;
    OpusEncoder encoder;
    /** The shared encode this listener uses this tick, or null when it encodes its own mix. */
    SharedEncodes.Group sharedGroup;

    /** The state of a fresh connection: sequence numbers start at 0. */
    void reset() {
        restartPackets();
        txSequence = 0;
    }

    /** Drops a half-built packet (the format changed). */
    void restartPackets() {
        accumulatedSamples = 0;
        packetBytes = 0;
        packetFrames = 0;
    }

    void configure(int codecFrameSamples, int channels, int codedBytes) {
        close();
        encoder = new OpusEncoder(codecFrameSamples, channels, codedBytes);
    }

    void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
