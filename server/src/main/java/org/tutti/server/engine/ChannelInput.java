package org.tutti.server.engine;

import java.util.Arrays;
import org.tutti.audio.JitterBuffer;
import org.tutti.audio.LevelMeter;
import org.tutti.codec.OpusDecoder;
import org.tutti.server.mix.SourceFrame;

/**
 * A channel's input stream: the jitter buffer its audio packets arrive in, the decoder, one server frame of decoded
 * audio with its float views ({@link SourceFrame}), the level meter, the time-out and the fade-in.
 *
 * <p><b>One writer per phase of the tick:</b> the engine thread puts arriving packets in (and counts the time-out);
 * in the decode phase the one thread that decodes this channel drains the jitter buffer and fills {@link #decoded},
 * {@link #frame} and {@link #meter}; then the engine thread advances {@link #fadeInSamples}. The phases never
 * overlap (the {@link ParallelPhases} barrier orders them); the mix phase only reads. The codecs are replaced only
 * when the control state's stream format changes ({@link ClientChannel#setProps}, engine thread, between ticks).
 */
final class ChannelInput {
    static final int MAX_FRAME_SAMPLES = 128;
    static final int MAX_CODED_BYTES = 1275;
    /** Jamulus drops a channel after 30 s without audio. */
    static final long TIMEOUT_SAMPLES = 30L * 48000;

    final LevelMeter meter = LevelMeter.forServer();
    final short[] decoded = new short[MAX_FRAME_SAMPLES * 2];
    /** A 128-sample codec frame on a 64-sample server: decoded once, played as two halves. */
    final short[] hold = new short[MAX_FRAME_SAMPLES * 2];
    boolean holdSecondHalf;
    final byte[] codedIn = new byte[MAX_CODED_BYTES];
    final SourceFrame frame = new SourceFrame(MAX_FRAME_SAMPLES);
    JitterBuffer jitter;
    OpusDecoder decoder;
    long timeoutSamples;
    /** Samples since the client was identified (drives its 3 s fade-in). */
    long fadeInSamples;

    /** The state of a fresh connection (no format yet). */
    void reset() {
        timeoutSamples = TIMEOUT_SAMPLES;
        fadeInSamples = 0;
        holdSecondHalf = false;
        meter.reset();
        Arrays.fill(decoded, (short) 0);
        frame.clearHistory();
    }

    /** A new stream format: a new decoder and jitter buffer (the caller applies the size request). */
    void configure(int codecFrameSamples, int channels, int codedBytes, boolean sequenced) {
        close();
        decoder = new OpusDecoder(codecFrameSamples, channels);
        jitter = new JitterBuffer(codedBytes, codecFrameSamples, sequenced, JitterBuffer.MAX_SIZE / 2);
    }

    void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        jitter = null;
    }
}
