package org.tutti.bench;

import java.util.SplittableRandom;
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
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusEncoder;

/**
 * Cost of the Opus custom-mode codec through Tutti's JNI binding, per stereo frame, in the two Jamulus
 * normal-quality modes: 128 samples at 71 bytes ("OPUS") and 64 samples at 35 bytes ("OPUS64").
 * The input is a two-tone signal with a little noise, cycling through a one-second buffer so the encoder
 * never sees the same frame twice in a row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OpusCodecBenchmark {
    private static final int SAMPLE_RATE = 48_000;

    @Param({"128/71", "64/35"})
    public String mode;

    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private int frameSamples;
    private short[] signal;
    private short[] decoded;
    private byte[] coded;
    private int position;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = mode.split("/");
        frameSamples = Integer.parseInt(parts[0]);
        int codedBytes = Integer.parseInt(parts[1]);
        encoder = new OpusEncoder(frameSamples, 2, codedBytes);
        decoder = new OpusDecoder(frameSamples, 2);
        signal = new short[2 * SAMPLE_RATE];
        SplittableRandom noise = new SplittableRandom(1);
        for (int i = 0; i < SAMPLE_RATE; i++) {
            double t = i / (double) SAMPLE_RATE;
            double v = 6000 * Math.sin(2 * Math.PI * 440 * t) + 3000 * Math.sin(2 * Math.PI * 1375 * t)
                    + 300 * (noise.nextDouble() - 0.5);
            signal[2 * i] = (short) v;
            signal[2 * i + 1] = (short) (0.8 * v);
        }
        decoded = new short[2 * frameSamples];
        coded = new byte[codedBytes];
        encoder.encode(signal, 0, coded, 0); // decode() alone decodes this real frame
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
        decoder.close();
    }

    private int nextFrameOffset() {
        int offset = position;
        position += 2 * frameSamples;
        if (position + 2 * frameSamples > signal.length) {
            position = 0;
        }
        return offset;
    }

    /** One frame encoded and decoded: what a client does per frame, and a server per client. */
    @Benchmark
    public short encodeDecode() {
        encoder.encode(signal, nextFrameOffset(), coded, 0);
        decoder.decode(coded, 0, coded.length, decoded, 0);
        return decoded[frameSamples];
    }

    @Benchmark
    public byte encode() {
        encoder.encode(signal, nextFrameOffset(), coded, 0);
        return coded[coded.length - 1];
    }

    /** Decodes the same (real) frame again and again: the decoder state still evolves. */
    @Benchmark
    public short decode() {
        decoder.decode(coded, 0, coded.length, decoded, 0);
        return decoded[frameSamples];
    }
}
