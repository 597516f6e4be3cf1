package org.tutti.codec;

/**
 * An Opus custom-mode encoder configured like Jamulus's: constant bit rate, restricted low delay,
 * complexity 1 for 128-sample frames, 35 % expected loss for 64-sample frames. Every call writes exactly
 * {@link #codedBytes()} bytes. One thread at a time; nothing is allocated per frame.
 */
public final class OpusEncoder implements AutoCloseable {
    private final int frameSamples;
    private final int channels;
    private int codedBytes;
    private long handle;

    public OpusEncoder(int frameSamples, int channels, int codedBytes) {
        OpusModes.checkChannels(channels);
        long mode = OpusModes.forFrameSamples(frameSamples);
        this.frameSamples = frameSamples;
        this.channels = channels;
        this.handle = OpusNative.encoderCreate(mode, channels);
        if (handle == 0) {
            throw new IllegalStateException("opus_custom_encoder_create failed");
        }
        setCodedBytes(codedBytes);
    }

    public OpusEncoder(int frameSamples, int channels, OpusQuality quality) {
        this(frameSamples, channels, quality.codedBytes(frameSamples, channels));
    }

    /** Changes the frame size in bytes (and so the bit rate), as the Jamulus server does per client. */
    public void setCodedBytes(int codedBytes) {
        if (codedBytes < 2 || codedBytes > 1275) {
            throw new IllegalArgumentException("coded bytes out of range: " + codedBytes);
        }
        int bitrate = OpusModes.SAMPLE_RATE * 8 * codedBytes / frameSamples;
        int complexity = frameSamples == 128 ? 1 : -1;
        int loss = frameSamples == 64 ? 35 : -1;
        int rc = OpusNative.encoderConfigure(checkOpen(), bitrate, complexity, loss);
        if (rc != 0) {
            throw new IllegalStateException("opus encoder configuration failed: " + OpusNative.errorText(rc));
        }
        this.codedBytes = codedBytes;
    }

    /**
     * Encodes one frame of interleaved 16-bit samples ({@code frameSamples × channels} values from
     * {@code pcmOffset}) into {@code out} at {@code outOffset}.
     *
     * @return the number of bytes written, always {@link #codedBytes()}
     */
    public int encode(short[] pcm, int pcmOffset, byte[] out, int outOffset) {
        long h = checkOpen();
        if (pcmOffset < 0 || pcmOffset + frameSamples * channels > pcm.length) {
            throw new IndexOutOfBoundsException("pcm frame does not fit the array");
        }
        if (outOffset < 0 || outOffset + codedBytes > out.length) {
            throw new IndexOutOfBoundsException("coded frame does not fit the output array");
        }
        int n = OpusNative.encode(h, pcm, pcmOffset, frameSamples, out, outOffset, codedBytes);
        if (n < 0) {
            throw new IllegalStateException("opus_custom_encode failed: " + OpusNative.errorText(n));
        }
        return n;
    }

    public int frameSamples() {
        return frameSamples;
    }

    public int channels() {
        return channels;
    }

    public int codedBytes() {
        return codedBytes;
    }

    private long checkOpen() {
        if (handle == 0) {
            throw new IllegalStateException("encoder is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != 0) {
            OpusNative.encoderDestroy(handle);
            handle = 0;
        }
    }
}
