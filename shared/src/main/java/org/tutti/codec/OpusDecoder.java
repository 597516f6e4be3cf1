package org.tutti.codec;

/**
 * An Opus custom-mode decoder. Malformed input never crashes: it is reported as a negative result
 * (the frame should then be concealed). One thread at a time; nothing is allocated per frame. {@link #close()} may
 * come from another thread: it waits for a decode in progress, and later calls return {@link #CLOSED}.
 */
public final class OpusDecoder implements AutoCloseable {
    /** The result of a decode after close: Opus's OPUS_INVALID_STATE. */
    public static final int CLOSED = -6;

    private final int frameSamples;
    private final int channels;
    private final NativeGuard guard;

    public OpusDecoder(int frameSamples, int channels) {
        OpusModes.checkChannels(channels);
        long mode = OpusModes.forFrameSamples(frameSamples);
        this.frameSamples = frameSamples;
        this.channels = channels;
        long handle = OpusNative.decoderCreate(mode, channels);
        if (handle == 0) {
            throw new IllegalStateException("opus_custom_decoder_create failed");
        }
        this.guard = new NativeGuard(handle);
    }

    /**
     * Decodes one coded frame into {@code frameSamples × channels} interleaved samples at {@code pcmOffset}.
     *
     * @return samples per channel decoded, or a negative Opus error code for undecodable input ({@link #CLOSED}
     *         after close)
     */
    public int decode(byte[] data, int offset, int length, short[] pcm, int pcmOffset) {
        checkPcm(pcm, pcmOffset);
        if (length <= 0) {
            return conceal(pcm, pcmOffset);
        }
        if (offset < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("coded frame does not fit the input array");
        }
        return call(data, offset, length, pcm, pcmOffset);
    }

    /** Produces a concealment frame for a lost packet (Opus packet-loss concealment); {@link #CLOSED} after close. */
    public int conceal(short[] pcm, int pcmOffset) {
        checkPcm(pcm, pcmOffset);
        return call(null, 0, 0, pcm, pcmOffset);
    }

    private int call(byte[] data, int offset, int length, short[] pcm, int pcmOffset) {
        long h = guard.enter();
        if (h == 0) {
            return CLOSED;
        }
        try {
            return OpusNative.decode(h, data, offset, length, pcm, pcmOffset, frameSamples);
        } finally {
            guard.exit();
        }
    }

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        return guard.isClosed();
    }

    public int frameSamples() {
        return frameSamples;
    }

    public int channels() {
        return channels;
    }

    /** Text for a negative result of {@link #decode}. */
    public static String errorText(int code) {
        return OpusNative.errorText(code);
    }

    private void checkPcm(short[] pcm, int pcmOffset) {
        if (pcmOffset < 0 || pcmOffset + frameSamples * channels > pcm.length) {
            throw new IndexOutOfBoundsException("pcm frame does not fit the array");
        }
    }

    /** Frees the native state, after a decode running on another thread has finished; harmless twice. */
    @Override
    public void close() {
        long h = guard.close();
        if (h != 0) {
            OpusNative.decoderDestroy(h);
        }
    }
}
