package org.tutti.codec;

/**
 * An Opus custom-mode decoder. Malformed input never crashes: it is reported as a negative result
 * (the frame should then be concealed). One thread at a time; nothing is allocated per frame.
 */
public final class OpusDecoder implements AutoCloseable {
    private final int frameSamples;
    private final int channels;
    private long handle;

    public OpusDecoder(int frameSamples, int channels) {
        OpusModes.checkChannels(channels);
        long mode = OpusModes.forFrameSamples(frameSamples);
        this.frameSamples = frameSamples;
        this.channels = channels;
        this.handle = OpusNative.decoderCreate(mode, channels);
        if (handle == 0) {
            throw new IllegalStateException("opus_custom_decoder_create failed");
        }
    }

    /**
     * Decodes one coded frame into {@code frameSamples × channels} interleaved samples at {@code pcmOffset}.
     *
     * @return samples per channel decoded, or a negative Opus error code for undecodable input
     */
    public int decode(byte[] data, int offset, int length, short[] pcm, int pcmOffset) {
        long h = checkOpen();
        checkPcm(pcm, pcmOffset);
        if (length <= 0) {
            return conceal(pcm, pcmOffset);
        }
        if (offset < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("coded frame does not fit the input array");
        }
        return OpusNative.decode(h, data, offset, length, pcm, pcmOffset, frameSamples);
    }

    /** Produces a concealment frame for a lost packet (Opus packet-loss concealment). */
    public int conceal(short[] pcm, int pcmOffset) {
        long h = checkOpen();
        checkPcm(pcm, pcmOffset);
        return OpusNative.decode(h, null, 0, 0, pcm, pcmOffset, frameSamples);
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

    private long checkOpen() {
        if (handle == 0) {
            throw new IllegalStateException("decoder is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != 0) {
            OpusNative.decoderDestroy(handle);
            handle = 0;
        }
    }
}
