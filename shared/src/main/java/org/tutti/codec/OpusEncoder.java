package org.tutti.codec;

/**
 * An Opus custom-mode encoder configured like Jamulus's: constant bit rate, restricted low delay,
 * complexity 1 for 128-sample frames, 35 % expected loss for 64-sample frames. Every call writes exactly
 * {@link #codedBytes()} bytes. One thread at a time; nothing is allocated per frame. {@link #close()} may come from
 * another thread: it waits for an encode in progress, and later calls throw {@link IllegalStateException}.
 */
public final class OpusEncoder implements AutoCloseable {
    private final int frameSamples;
    private final int channels;
    private int codedBytes;
    private final NativeGuard guard;

    public OpusEncoder(int frameSamples, int channels, int codedBytes) {
        OpusModes.checkChannels(channels);
        long mode = OpusModes.forFrameSamples(frameSamples);
        this.frameSamples = frameSamples;
        this.channels = channels;
        long handle = OpusNative.encoderCreate(mode, channels);
        if (handle == 0) {
            throw new IllegalStateException("opus_custom_encoder_create failed");
        }
        this.guard = new NativeGuard(handle);
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
        long h = enter();
        int rc;
        try {
            rc = OpusNative.encoderConfigure(h, bitrate, complexity, loss);
        } finally {
            guard.exit();
        }
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
        if (pcmOffset < 0 || pcmOffset + frameSamples * channels > pcm.length) {
            throw new IndexOutOfBoundsException("pcm frame does not fit the array");
        }
        if (outOffset < 0 || outOffset + codedBytes > out.length) {
            throw new IndexOutOfBoundsException("coded frame does not fit the output array");
        }
        long h = enter();
        int n;
        try {
            n = OpusNative.encode(h, pcm, pcmOffset, frameSamples, out, outOffset, codedBytes);
        } finally {
            guard.exit();
        }
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

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        return guard.isClosed();
    }

    /** The handle with a call in flight (end it with {@code guard.exit()}); throws when closed. */
    private long enter() {
        long h = guard.enter();
        if (h == 0) {
            throw new IllegalStateException("encoder is closed");
        }
        return h;
    }

    /** Frees the native state, after an encode running on another thread has finished; harmless twice. */
    @Override
    public void close() {
        long h = guard.close();
        if (h != 0) {
            OpusNative.encoderDestroy(h);
        }
    }
}
