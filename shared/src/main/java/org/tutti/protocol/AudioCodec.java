package org.tutti.protocol;

/** Audio coding type of NETW_TRANSPORT_PROPS (protocol doc §3.3, a u16 on the wire). */
public enum AudioCodec {
    /** Only used internally by Jamulus; not valid in a message. */
    NONE(0, 0),
    /** Legacy CELT; a server answers OPUS_SUPPORTED and ignores the props. */
    CELT(1, 0),
    /** Opus custom mode with 128-sample frames. */
    OPUS(2, 128),
    /** Opus custom mode with 64-sample frames. */
    OPUS64(3, 64);

    private final int code;
    private final int frameSamples;

    AudioCodec(int code, int frameSamples) {
        this.code = code;
        this.frameSamples = frameSamples;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** Samples per channel in one codec frame: 128 for OPUS, 64 for OPUS64, 0 otherwise. */
    public int frameSamples() {
        return frameSamples;
    }

    /** The codec for a wire value, or null for values Jamulus does not define. */
    public static AudioCodec fromCode(int code) {
        return code >= 0 && code <= 3 ? values()[code] : null;
    }
}
