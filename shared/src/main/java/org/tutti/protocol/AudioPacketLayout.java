package org.tutti.protocol;

import org.tutti.codec.OpusQuality;

/**
 * The layout of an audio datagram (protocol doc §4.2–4.4): {@code framesPerPacket} codec frames, each
 * {@code codedBytes} long and, when {@code withSequence}, followed by one sequence byte. There is no header; the
 * layout comes from the last NETW_TRANSPORT_PROPS, and a datagram of any other size is not decoded.
 *
 * @param codec           OPUS (128-sample frames) or OPUS64 (64-sample frames)
 * @param channels        1 or 2
 * @param codedBytes      coded bytes per frame (e.g. 45 for mono normal OPUS), or the raw PCM size (§11)
 * @param framesPerPacket the protocol's block factor: 1, 2 or 4
 * @param withSequence    whether every frame carries a sequence byte (peer version ≥ 3.6.0)
 */
public record AudioPacketLayout(AudioCodec codec, int channels, int codedBytes, int framesPerPacket,
                                boolean withSequence) {
    /** IP/UDP/PPPoE/ATM overhead Jamulus adds when it shows the upload rate. */
    public static final int RATE_OVERHEAD_BYTES = 77;

    public AudioPacketLayout {
        if (codec != AudioCodec.OPUS && codec != AudioCodec.OPUS64) {
            throw new IllegalArgumentException("audio codec must be OPUS or OPUS64: " + codec);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        if (framesPerPacket != 1 && framesPerPacket != 2 && framesPerPacket != 4) {
            throw new IllegalArgumentException("frames per packet must be 1, 2 or 4: " + framesPerPacket);
        }
        if (codedBytes < 1 || (codedBytes + 1) * framesPerPacket > Frame.MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("coded bytes out of range: " + codedBytes);
        }
    }

    /** Layout for an Opus stream of the given quality (coded sizes as in Jamulus 3.9.1, doc §4.1). */
    public static AudioPacketLayout opus(AudioCodec codec, OpusQuality quality, int channels, int framesPerPacket,
                                         boolean withSequence) {
        return new AudioPacketLayout(codec, channels, quality.codedBytes(codec.frameSamples(), channels),
                framesPerPacket, withSequence);
    }

    /** Layout for uncompressed int16 PCM (4.0-beta "raw"): 2 × channels × frame samples per frame. */
    public static AudioPacketLayout raw(AudioCodec codec, int channels, int framesPerPacket, boolean withSequence) {
        return new AudioPacketLayout(codec, channels, rawCodedBytes(codec, channels), framesPerPacket, withSequence);
    }

    /** The layout that NETW_TRANSPORT_PROPS describe. */
    public static AudioPacketLayout of(NetworkTransportProps props) {
        return new AudioPacketLayout(props.audioCodec(), props.channels(), props.codedBytes(), props.blockFactor(),
                props.withSequenceNumber());
    }

    /** Raw PCM bytes per frame; a 4.0-beta server recognises raw audio purely by this size. */
    public static int rawCodedBytes(AudioCodec codec, int channels) {
        return 2 * channels * codec.frameSamples();
    }

    /** Protocol block factor for a sound-card buffer of {@code bufferSamples} (doc §4.3). */
    public static int framesPerPacket(AudioCodec codec, int bufferSamples) {
        int frames = bufferSamples / codec.frameSamples();
        if (frames * codec.frameSamples() != bufferSamples || (frames != 1 && frames != 2 && frames != 4)) {
            throw new IllegalArgumentException(bufferSamples + " samples is not 1, 2 or 4 " + codec + " frames");
        }
        return frames;
    }

    /** The props that announce this layout (48 kHz, codec argument 0). */
    public NetworkTransportProps toTransportProps() {
        return NetworkTransportProps.of(codec, channels, codedBytes, framesPerPacket, withSequence);
    }

    /** The same stream with the sequence byte switched on or off. */
    public AudioPacketLayout withSequence(boolean on) {
        return new AudioPacketLayout(codec, channels, codedBytes, framesPerPacket, on);
    }

    /** True when the frames are raw PCM rather than Opus. */
    public boolean isRaw() {
        return codedBytes == rawCodedBytes(codec, channels);
    }

    /** Bytes from the start of one frame to the next. */
    public int frameStride() {
        return withSequence ? codedBytes + 1 : codedBytes;
    }

    /** The exact datagram length of one audio packet. */
    public int packetBytes() {
        return frameStride() * framesPerPacket;
    }

    /** Samples per channel carried by one packet. */
    public int packetSamples() {
        return codec.frameSamples() * framesPerPacket;
    }

    /** What Jamulus's client shows as upload rate, in kbit/s (packet plus 77 bytes overhead, integer maths). */
    public int uploadRateKbps() {
        long bitsPerSecond = (long) (packetBytes() + RATE_OVERHEAD_BYTES) * 8 * 48000 / packetSamples();
        return (int) (bitsPerSecond / 1000);
    }
}
