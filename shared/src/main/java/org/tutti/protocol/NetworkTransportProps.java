package org.tutti.protocol;

/**
 * The audio stream description of NETW_TRANSPORT_PROPS (ID 20, exactly 19 bytes; protocol doc §3.3).
 *
 * @param baseNetworkFrameBytes coded bytes per codec frame, plus 1 when {@link #withSequenceNumber()} (u32, 10..20000)
 * @param blockFactor           codec frames per UDP packet: 1, 2 or 4
 * @param channels              1 (mono) or 2 (stereo)
 * @param sampleRateHz          always 48000 in practice; not validated by Jamulus
 * @param codec                 audio codec wire code: 1 CELT, 2 OPUS, 3 OPUS64
 * @param flags                 0, or {@link #FLAG_WITH_COUNTER} when a sequence byte follows every codec frame
 * @param codecArgument         always 0 (u32, kept as its 32 bits)
 */
public record NetworkTransportProps(int baseNetworkFrameBytes, int blockFactor, int channels, int sampleRateHz,
                                    int codec, int flags, int codecArgument) {
    /** Body length on the wire. */
    public static final int WIRE_BYTES = 19;
    /** Flag value: each codec frame is followed by one sequence byte (§4.4). */
    public static final int FLAG_WITH_COUNTER = 1;
    /** Smallest accepted frame size ({@code CELT_MINIMUM_NUM_BYTES}). */
    public static final int MIN_FRAME_BYTES = 10;
    /** Largest accepted frame size ({@code MAX_SIZE_BYTES_NETW_BUF}). */
    public static final int MAX_FRAME_BYTES = 20000;

    /** Validates exactly what a 3.9.1 receiver validates; anything else is kept as given. */
    public NetworkTransportProps {
        String problem = problem(baseNetworkFrameBytes, blockFactor, channels, codec, flags);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Props for an Opus stream with {@code codedBytes} per frame, 48 kHz, codec argument 0. */
    public static NetworkTransportProps of(AudioCodec codec, int channels, int codedBytes, int blockFactor,
                                           boolean withSequenceNumber) {
        return new NetworkTransportProps(codedBytes + (withSequenceNumber ? 1 : 0), blockFactor, channels, 48000,
                codec.code(), withSequenceNumber ? FLAG_WITH_COUNTER : 0, 0);
    }

    /** True when every codec frame carries a sequence byte. */
    public boolean withSequenceNumber() {
        return flags == FLAG_WITH_COUNTER;
    }

    /** Coded bytes per codec frame, i.e. the frame size without the sequence byte. */
    public int codedBytes() {
        return withSequenceNumber() ? baseNetworkFrameBytes - 1 : baseNetworkFrameBytes;
    }

    /** The expected UDP audio payload: frame size × block factor. */
    public int packetBytes() {
        return baseNetworkFrameBytes * blockFactor;
    }

    /** The codec as an enum (null for an undefined code, which the constructor already rejects). */
    public AudioCodec audioCodec() {
        return AudioCodec.fromCode(codec);
    }

    /** Why Jamulus 3.9.1 would reject these values, or null when it accepts them. */
    static String problem(long frameBytes, int blockFactor, int channels, int codec, int flags) {
        if (frameBytes < MIN_FRAME_BYTES || frameBytes > MAX_FRAME_BYTES) {
            return "frame size " + frameBytes + " outside 10..20000";
        }
        if (blockFactor != 1 && blockFactor != 2 && blockFactor != 4) {
            return "block factor " + blockFactor + " not 1, 2 or 4";
        }
        if (channels != 1 && channels != 2) {
            return "channel count " + channels + " not 1 or 2";
        }
        if (codec < 1 || codec > 3) {
            return "codec " + codec + " not CELT, OPUS or OPUS64";
        }
        if (flags < 0 || flags > 0xFFFF) {
            return "flags " + flags + " not a u16";
        }
        return null;
    }
}
