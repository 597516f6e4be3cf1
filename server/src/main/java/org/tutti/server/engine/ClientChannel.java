package org.tutti.server.engine;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusEncoder;
import org.tutti.audio.JitterBuffer;
import org.tutti.net.ReliableChannel;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.NetworkTransportProps;

/**
 * One slot of the server: a connected client's protocol state, audio stream format, codec, jitter buffer, level
 * meter and personal mix settings. Owned by the engine thread; audio buffers are allocated when the stream format
 * is set, never per frame.
 */
final class ClientChannel {
    static final int MAX_FRAME_SAMPLES = 128;
    static final int MAX_CODED_BYTES = 1275;
    /** Delay panning shifts a side by up to 63 samples, reaching back into the previous 64-sample frame. */
    static final int HISTORY_SAMPLES = 64;
    static final float UNITY_GAIN = 1f;
    static final float CENTRE_PAN = 0.5f;
    /** Jamulus drops a channel after 30 s without audio. */
    static final long TIMEOUT_SAMPLES = 30L * 48000;

    final int id;
    /** Reliable messaging with this client (set once by the engine, which wires its sink and listener). */
    ReliableChannel link;
    final LevelMeter meter = new LevelMeter();
    final float[] gains;
    final float[] pans;

    boolean connected;
    /** Set by CLM_DISCONNECTION: the channel is dropped at the next tick. */
    boolean disconnectRequested;
    InetSocketAddress address;
    /** The same peer for the socket: its key finds this channel, sends need no conversion. */
    UdpEndpoint endpoint;
    long timeoutSamples;
    ChannelInfo info = ChannelInfo.EMPTY;
    boolean identified;
    long fadeInSamples;
    boolean defaultMix = true;
    int jitterRequest = JitterBufferSize.AUTO;
    /** The jitter buffer size last reported to the client with JITT_BUF_SIZE (auto mode only), 0 = none yet. */
    int reportedJitterFrames;

    NetworkTransportProps props;
    int codecFrameSamples;
    int audioChannels = 1;
    JitterBuffer jitter;
    OpusDecoder decoder;
    OpusEncoder encoder;

    // Input side: one server frame of decoded audio and its float views (filled every tick).
    final short[] decoded = new short[MAX_FRAME_SAMPLES * 2];
    final short[] hold = new short[MAX_FRAME_SAMPLES * 2];
    boolean holdSecondHalf;
    final byte[] codedIn = new byte[MAX_CODED_BYTES];
    final float[] inLeft = new float[MAX_FRAME_SAMPLES];
    final float[] inRight = new float[MAX_FRAME_SAMPLES];
    final float[] inMono = new float[MAX_FRAME_SAMPLES];
    /** The last {@link #HISTORY_SAMPLES} input samples of the previous tick, for delay panning (-P). */
    final float[] historyLeft = new float[HISTORY_SAMPLES];
    final float[] historyRight = new float[HISTORY_SAMPLES];

    // Output side: this listener's mix, the codec-frame accumulator and the packet being built.
    final short[] mix = new short[MAX_FRAME_SAMPLES * 2];
    final short[] accumulated = new short[MAX_FRAME_SAMPLES * 2];
    int accumulatedSamples;
    final byte[] packet = new byte[(MAX_CODED_BYTES + 1) * 4];
    int packetBytes;
    int packetFrames;
    int txSequence;
    /** The shared encode this listener uses this tick, or null when it encodes its own mix. */
    SharedEncodes.Group sharedGroup;

    ClientChannel(int id, int maxChannels) {
        this.id = id;
        this.gains = new float[maxChannels];
        this.pans = new float[maxChannels];
    }

    /** Makes the slot a fresh connection from {@code from}. */
    void open(UdpEndpoint from) {
        connected = true;
        disconnectRequested = false;
        endpoint = from;
        address = from.address();
        timeoutSamples = TIMEOUT_SAMPLES;
        info = ChannelInfo.EMPTY;
        identified = false;
        fadeInSamples = 0;
        jitterRequest = JitterBufferSize.AUTO;
        reportedJitterFrames = 0;
        props = null;
        link.reset();
        meter.reset();
        Arrays.fill(gains, UNITY_GAIN);
        Arrays.fill(pans, CENTRE_PAN);
        defaultMix = true;
        holdSecondHalf = false;
        accumulatedSamples = 0;
        packetBytes = 0;
        packetFrames = 0;
        txSequence = 0;
        Arrays.fill(decoded, (short) 0);
        Arrays.fill(historyLeft, 0f);
        Arrays.fill(historyRight, 0f);
    }

    /** Keeps the end of this tick's input for delay panning in the next tick. */
    void rememberHistory(int frameSamples) {
        int from = frameSamples - HISTORY_SAMPLES;
        System.arraycopy(inLeft, from, historyLeft, 0, HISTORY_SAMPLES);
        System.arraycopy(inRight, from, historyRight, 0, HISTORY_SAMPLES);
    }

    void close() {
        connected = false;
        address = null;
        endpoint = null;
        link.reset();
        closeCodecs();
        props = null;
        jitter = null;
    }

    /** Applies a new stream format; codecs are only rebuilt when frame size, channels or bytes change. */
    void setProps(NetworkTransportProps p) {
        int frameSamples = p.audioCodec().frameSamples();
        boolean same = props != null && codecFrameSamples == frameSamples && audioChannels == p.channels()
                && props.codedBytes() == p.codedBytes() && props.withSequenceNumber() == p.withSequenceNumber();
        props = p;
        packetBytes = 0;
        packetFrames = 0;
        accumulatedSamples = 0;
        holdSecondHalf = false;
        if (same) {
            return;
        }
        closeCodecs();
        codecFrameSamples = frameSamples;
        audioChannels = p.channels();
        decoder = new OpusDecoder(frameSamples, audioChannels);
        encoder = new OpusEncoder(frameSamples, audioChannels, p.codedBytes());
        jitter = new JitterBuffer(p.codedBytes(), frameSamples, p.withSequenceNumber(), JitterBuffer.MAX_SIZE / 2);
        applyJitterRequest();
    }

    /** The server-side jitter buffer size in codec frames (what "auto" currently chose, or the request). */
    int jitterFrames() {
        if (jitter != null) {
            return jitter.size();
        }
        return jitterRequest >= 1 && jitterRequest <= 20 ? jitterRequest : JitterBuffer.MAX_SIZE / 2;
    }

    /** The jitter buffer's counters so far (all zero before the stream format is known). */
    org.tutti.audio.JitterCounters jitterCounters() {
        return jitter != null ? jitter.counters().copy() : new org.tutti.audio.JitterCounters();
    }

    void setJitterRequest(int blocks) {
        jitterRequest = blocks;
        applyJitterRequest();
    }

    /**
     * The strategy of "auto" buffers: Jamulus's own sizing model by default (docs/fidelity.md: Tutti's adaptive playout
     * settled at 1-2 frames here and, at 64 samples on a loaded machine, let holds pile up until a musician was
     * concealed more than heard; the Jamulus model gives a real client the same buffer as Jamulus's server does).
     * {@code -Dtutti.serverJitterStrategy=TUTTI} runs Tutti's adaptive playout instead.
     */
    static final JitterBuffer.AutoStrategy AUTO_STRATEGY =
            JitterBuffer.AutoStrategy.valueOf(System.getProperty("tutti.serverJitterStrategy", "JAMULUS"));

    /** 1..20: a fixed window as the client asked; 21 (auto): {@link #AUTO_STRATEGY} (docs/jitter-buffer.md). */
    private void applyJitterRequest() {
        if (jitter == null) {
            return;
        }
        if (jitterRequest >= JitterBuffer.MIN_SIZE && jitterRequest <= JitterBuffer.MAX_SIZE) {
            jitter.setManualSize(jitterRequest);
        } else if (!jitter.isAuto()) {
            jitter.setAuto(AUTO_STRATEGY);
        }
    }

    /** True once the client may receive audio: identified (CHANNEL_INFOS) and its format known. */
    boolean receivesAudio() {
        return identified && props != null;
    }

    /** Linear fade-in over 3 s after identification (doc §6.2), 0 before. */
    float fadeIn() {
        if (!identified) {
            return 0f;
        }
        return fadeInSamples >= 3 * 48000 ? 1f : fadeInSamples / (3f * 48000);
    }

    void recomputeDefaultMix() {
        boolean all = true;
        for (int j = 0; j < gains.length && all; j++) {
            all = gains[j] == UNITY_GAIN && pans[j] == CENTRE_PAN;
        }
        defaultMix = all;
    }

    private void closeCodecs() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
