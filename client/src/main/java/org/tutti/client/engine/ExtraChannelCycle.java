package org.tutti.client.engine;

import org.tutti.codec.OpusEncoder;

/**
 * The audio-thread half of one extra channel of a split: its input(s) of each cycle → boost → encode → send on its
 * own socket. It plays nothing: the main channel plays the mix. Preallocated; no allocation, locks or logging per
 * cycle. An input the device did not grant is silence.
 */
final class ExtraChannelCycle {
    private final StreamConfig config;
    private final OpusEncoder encoder;
    private final PacketSender sender;
    private final int firstInput;
    private final int secondInput;
    private final int channels;
    private final int frameSamples;
    private final short[] pcm;
    private final byte[] packet;
    private int fill;
    private int framesInPacket;
    private int packetLength;
    private int sendSeq;
    /** Written by the control thread once the server speaks sequence numbers (§4.4). */
    volatile boolean withSequenceNumber;
    /** Off once the server ended this channel. */
    volatile boolean sending = true;
    volatile long packetsSent;
    /** Peak of the channel's input(s) after the boost, 0..1, falling by half every 100 ms. */
    volatile float inputPeak;

    ExtraChannelCycle(StreamConfig config, SplitChannel channel, PacketSender sender, boolean withSequenceNumber) {
        this.config = config;
        this.sender = sender;
        this.firstInput = channel.firstInput();
        this.secondInput = channel.stereo() ? channel.secondInput() : channel.firstInput();
        this.channels = config.networkChannels();
        this.frameSamples = config.frameSamples();
        this.encoder = new OpusEncoder(frameSamples, channels, config.codedBytes());
        this.pcm = new short[frameSamples * channels];
        this.packet = new byte[config.packetBytes(true)];
        this.withSequenceNumber = withSequenceNumber;
    }

    StreamConfig config() {
        return config;
    }

    /**
     * Audio thread: one cycle of the card's inputs; {@code mute} is the musician's "Mute Myself"; {@code tap}, when
     * not null, records the input as track {@code track} (before the mute, as the main channel's own input).
     */
    void process(float[][] in, int frames, float boost, boolean mute, RecordingTap tap, int track) {
        float[] left = firstInput < in.length ? in[firstInput] : null;
        float[] right = secondInput < in.length ? in[secondInput] : null;
        float peak = inputPeak * (float) Math.pow(0.5, frames / 4800.0);
        for (int i = 0; i < frames; i++) {
            short l = left == null ? 0 : InputMix.boost(InputMix.fromCard(left[i]), boost);
            short r = right == null ? 0 : InputMix.boost(InputMix.fromCard(right[i]), boost);
            peak = Math.max(peak, Math.max(Math.abs(l), Math.abs(r)) / 32767f);
            if (tap != null) {
                tap.extra(track, i, l, r);
            }
            if (mute) {
                l = 0;
                r = 0;
            }
            if (channels == 1) {
                pcm[fill] = l;
            } else {
                pcm[fill * 2] = l;
                pcm[fill * 2 + 1] = r;
            }
            if (++fill == frameSamples) {
                fill = 0;
                encodeFrame();
            }
        }
        inputPeak = Math.min(1f, peak);
    }

    private void encodeFrame() {
        boolean seq = withSequenceNumber;
        if (framesInPacket == 0) {
            packetLength = 0;
        }
        packetLength += encoder.encode(pcm, 0, packet, packetLength);
        if (seq) {
            packet[packetLength++] = (byte) sendSeq;
        }
        sendSeq = (sendSeq + 1) & 0xFF;
        if (++framesInPacket == config.blockFactor()) {
            framesInPacket = 0;
            if (sending) {
                sender.send(packet, packetLength);
                packetsSent++;
            }
        }
    }

    /** Frees the codec; only once the audio thread no longer calls {@link #process}. */
    void close() {
        encoder.close();
    }
}
