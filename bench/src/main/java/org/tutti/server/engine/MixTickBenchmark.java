package org.tutti.server.engine;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tutti.codec.OpusEncoder;
import org.tutti.net.ReliableChannel;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.NetworkTransportProps;

/**
 * One server tick of the engine's real audio code ({@link AudioPath}, {@link SharedSums}) for N mono OPUS clients
 * (normal quality, 45 bytes, sequence numbers), without the socket: {@code decodeAll} decodes one frame per client
 * from its jitter buffer; {@code mixEncodeAll} builds every listener's personal mix and encodes it (the send is a
 * no-op). {@code mixes = default}: every listener hears the shared sum, encoded once for all ({@link SharedEncodes});
 * {@code distinct}: every listener has its own gains, so every mix sums N sources (O(N²)) and is encoded alone. Lives in the engine's package because the engine
 * keeps these classes package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class MixTickBenchmark {
    private static final int FRAME = 128;
    private static final int CODED = 45;

    @Param({"10", "50", "150"})
    public int clients;

    @Param({"default", "distinct"})
    public String mixes;

    private ClientChannel[] active;
    private AudioPath path;
    private SharedSums sums;
    private SharedEncodes sharedEncodes;
    private EngineCounters counters;
    private byte[][] frames;
    private int frameIndex;
    private long sent;

    @Setup(Level.Trial)
    public void setUp() {
        counters = new EngineCounters();
        sums = new SharedSums(FRAME);
        sharedEncodes = new SharedEncodes(FRAME);
        path = new AudioPath(FRAME, false, counters, (to, packet, length) -> sent += length, sums);
        NetworkTransportProps props = NetworkTransportProps.of(AudioCodec.OPUS, 1, CODED, 1, true);
        frames = preEncode();
        active = new ClientChannel[clients];
        for (int i = 0; i < clients; i++) {
            ClientChannel c = new ClientChannel(i, clients);
            c.link = new ReliableChannel((d, off, len) -> { }, m -> { });
            c.open(UdpEndpoint.of(new InetSocketAddress("127.0.0.1", 20000 + i)));
            c.setProps(props);
            c.control.identified = true;
            c.input.fadeInSamples = 3 * 48000; // past the fade-in, as in a running session
            if (mixes.equals("distinct")) {
                for (int j = 0; j < clients; j++) {
                    c.control.gains[j] = 0.5f + 0.4f * (((i * 31 + j * 7) % 97) / 97f);
                }
            }
            c.control.recomputeDefaultMix();
            active[i] = c;
        }
        // Fill the jitter buffers so that decodeAll decodes real frames rather than concealing.
        for (int k = 0; k < 4; k++) {
            feed();
        }
    }

    private static byte[][] preEncode() {
        byte[][] out = new byte[375][CODED + 1];
        short[] pcm = new short[FRAME];
        try (OpusEncoder encoder = new OpusEncoder(FRAME, 1, CODED)) {
            for (int f = 0; f < out.length; f++) {
                for (int i = 0; i < FRAME; i++) {
                    pcm[i] = (short) (5000 * Math.sin(2 * Math.PI * 330 * (f * FRAME + i) / 48000.0));
                }
                encoder.encode(pcm, 0, out[f], 0);
                out[f][CODED] = (byte) f;
            }
        }
        return out;
    }

    private void feed() {
        byte[] frame = frames[frameIndex];
        frame[CODED] = (byte) frameIndex;
        for (ClientChannel c : active) {
            c.input.jitter.put(frame, 0, CODED, frameIndex & 0xFF, System.nanoTime());
        }
        frameIndex = (frameIndex + 1) % frames.length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (ClientChannel c : active) {
            c.close();
        }
        sharedEncodes.close();
    }

    /** Decode phase of one tick: one jitter-buffer get and one Opus decode per client. */
    @Benchmark
    public void decodeAll() {
        feed();
        for (ClientChannel c : active) {
            path.decode(c);
        }
    }

    /**
     * Mix phase of one tick, in the engine's order: shared sums (when any mix is default), shared encodes for
     * listeners with default mixes, then mix + encode (or copy of the shared frame) for every listener.
     */
    @Benchmark
    public long mixEncodeAll() {
        boolean anyDefault = false;
        for (ClientChannel c : active) {
            anyDefault |= c.control.defaultMix;
        }
        if (anyDefault) {
            sums.prepare(active, clients);
        }
        for (ClientChannel c : active) {
            sharedEncodes.assign(c, anyDefault, counters);
        }
        sharedEncodes.encodeNeeded(sums);
        for (ClientChannel c : active) {
            path.mixEncodeSend(c, active, clients, anyDefault);
        }
        return sent;
    }
}
