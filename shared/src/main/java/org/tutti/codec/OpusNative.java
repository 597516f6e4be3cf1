package org.tutti.codec;

/** The JNI entry points of {@code libtuttiopus}; only {@link OpusEncoder}/{@link OpusDecoder} call them. */
final class OpusNative {
    static {
        NativeLibraryLoader.load("tuttiopus");
    }

    private OpusNative() {
    }

    static native long modeCreate(int sampleRate, int frameSamples);

    static native long encoderCreate(long mode, int channels);

    static native long decoderCreate(long mode, int channels);

    static native int encoderConfigure(long encoder, int bitrate, int complexity, int lossPercent);

    static native int encode(long encoder, short[] pcm, int pcmOffset, int frameSamples,
                             byte[] out, int outOffset, int codedBytes);

    static native int decode(long decoder, byte[] data, int dataOffset, int length,
                             short[] pcm, int pcmOffset, int frameSamples);

    static native void encoderDestroy(long encoder);

    static native void decoderDestroy(long decoder);

    static native String errorText(int code);
}
