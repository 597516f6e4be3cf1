package org.tutti.server.engine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusEncoder;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.NetworkTransportProps;

/**
 * A scripted client that streams real Opus audio in real time (a sine, or silence) and decodes what the server
 * sends back, measuring its level per output channel. Stands in for a musician in mixing tests.
 */
final class AudioTestClient implements AutoCloseable {
    private final ScriptedClient control;
    private final NetworkTransportProps props;
    private final int frameSamples;
    private final int channels;
    private final OpusEncoder encoder;
    private final OpusDecoder decoder;
    private final short[] pcmOut;
    private final short[] pcmIn;
    private volatile double amplitude;
    private volatile boolean leftOnly;
    private volatile boolean running = true;
    private final Thread sender;
    private final double[] sumSquares = new double[2];
    private long samplesMeasured;
    private double sumCross;
    private int seq;
    int channelId = -1;
    /** Sees every decoded frame of what the server sends back (on the receive thread), or null. */
    private volatile PcmTap tap;

    /** A listener to the decoded mix: {@code samples} frames of {@code channels} interleaved in {@code pcm}. */
    interface PcmTap {
        void frame(short[] pcm, int samples, int channels);
    }

    AudioTestClient(int serverPort, AudioCodec codec, int channels, int codedBytes, String name) {
        this.control = new ScriptedClient(serverPort);
        this.frameSamples = codec.frameSamples();
        this.channels = channels;
        this.props = NetworkTransportProps.of(codec, channels, codedBytes, 1, true);
        this.encoder = new OpusEncoder(frameSamples, channels, codedBytes);
        this.decoder = new OpusDecoder(frameSamples, channels);
        this.pcmOut = new short[frameSamples * channels];
        this.pcmIn = new short[frameSamples * channels];
        control.onAudio(this::onAudio);
        sender = Thread.ofPlatform().daemon().name("audio-test-" + name).start(this::sendLoop);
        // Generous: on a loaded machine the real Jamulus server once took over 3 s to answer its first client.
        ConnectedMessage.ClientId id = control.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(10));
        if (id == null) {
            throw new IllegalStateException("no CLIENT_ID for " + name);
        }
        channelId = id.channelId();
        control.send(new ConnectedMessage.TransportProps(props));
        control.send(new ConnectedMessage.ChannelInfos(new ChannelInfo(0, 0, 0, name, "")));
    }

    void tap(PcmTap tap) {
        this.tap = tap;
    }

    ScriptedClient control() {
        return control;
    }

    /** Sine amplitude (0 = silence) of what this client plays from now on; {@code leftOnly} for stereo. */
    void play(double amplitude, boolean leftOnly) {
        this.amplitude = amplitude;
        this.leftOnly = leftOnly;
    }

    /**
     * Measures what comes back for {@code ms} and returns the sine amplitude it corresponds to per output channel
     * {left/mono, right}: RMS × √2, which a few concealed frames disturb far less than a peak would.
     */
    int[] measure(long ms) throws InterruptedException {
        synchronized (sumSquares) {
            sumSquares[0] = 0;
            sumSquares[1] = 0;
            sumCross = 0;
            samplesMeasured = 0;
        }
        Thread.sleep(ms);
        synchronized (sumSquares) {
            long n = Math.max(1, samplesMeasured);
            return new int[] {(int) Math.sqrt(2 * sumSquares[0] / n), (int) Math.sqrt(2 * sumSquares[1] / n)};
        }
    }

    /**
     * Like {@link #measure} over up to {@code tries} windows, returning the loudest (per channel). Starvation on a
     * busy test machine (late packets, concealed frames) can only make a window quieter, never louder, so this keeps
     * "is it loud enough" checks about the mix and not about the machine's load.
     */
    int[] measureLoudest(long ms, int tries) throws InterruptedException {
        int[] best = {0, 0};
        for (int t = 0; t < tries; t++) {
            int[] m = measure(ms);
            best[0] = Math.max(best[0], m[0]);
            best[1] = Math.max(best[1], m[1]);
        }
        return best;
    }

    /** Normalised correlation of left and right over the last {@link #measure} window (stereo only). */
    double leftRightCorrelation() {
        synchronized (sumSquares) {
            return sumCross / Math.sqrt(Math.max(1e-9, sumSquares[0] * sumSquares[1]));
        }
    }

    private void sendLoop() {
        long periodNs = frameSamples * 1_000_000_000L / 48000;
        long next = System.nanoTime();
        long sampleIndex = 0;
        byte[] packet = new byte[props.packetBytes()];
        while (running) {
            double a = amplitude;
            for (int i = 0; i < frameSamples; i++) {
                short v = (short) (a * Math.sin(2 * Math.PI * 440 * (sampleIndex + i) / 48000.0));
                for (int c = 0; c < channels; c++) {
                    pcmOut[i * channels + c] = (c == 1 && leftOnly) ? 0 : v;
                }
            }
            sampleIndex += frameSamples;
            int n = encoder.encode(pcmOut, 0, packet, 0);
            packet[n] = (byte) seq++;
            control.sendRaw(packet);
            next += periodNs;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void onAudio(byte[] packet) {
        if (packet.length != props.packetBytes()) {
            return;
        }
        synchronized (sumSquares) {
            if (!running) {
                return; // closing: the decoder may be gone
            }
            int got = decoder.decode(packet, 0, props.codedBytes(), pcmIn, 0);
            if (got <= 0) {
                return;
            }
            for (int i = 0; i < frameSamples; i++) {
                for (int c = 0; c < channels; c++) {
                    double v = pcmIn[i * channels + c];
                    sumSquares[c] += v * v;
                }
                if (channels == 2) {
                    sumCross += (double) pcmIn[i * 2] * pcmIn[i * 2 + 1];
                }
            }
            samplesMeasured += frameSamples;
            PcmTap t = tap;
            if (t != null) {
                t.frame(pcmIn, frameSamples, channels);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sender.join(1000);
        control.sendClm(new org.tutti.protocol.ConnectionlessMessage.Disconnection());
        control.close();
        encoder.close();
        synchronized (sumSquares) {
            decoder.close();
        }
    }
}
