package org.tutti.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusEncoder;

/**
 * Counterpart of bench/src/main/c/opus_timing.c in Java: the same encode+decode loop through the JNI
 * binding, reporting wall-clock and thread-CPU time per frame. CPU time is what stays comparable on a
 * machine shared with other load, where JMH's wall-clock figures are inflated by waiting for a core.
 * usage: java -cp bench/target/benchmarks.jar org.tutti.bench.CodecCpuTime FRAME_SAMPLES CODED_BYTES WARMUP TIMED
 */
public final class CodecCpuTime {
    private CodecCpuTime() {
    }

    public static void main(String[] args) {
        int frame = Integer.parseInt(args[0]);
        int bytes = Integer.parseInt(args[1]);
        long warmup = Long.parseLong(args[2]);
        long timed = Long.parseLong(args[3]);
        short[] signal = new short[2 * 48_000];
        SplittableRandom noise = new SplittableRandom(1);
        for (int i = 0; i < 48_000; i++) {
            double t = i / 48_000.0;
            double v = 6000 * Math.sin(2 * Math.PI * 440 * t) + 3000 * Math.sin(2 * Math.PI * 1375 * t)
                    + 300 * (noise.nextDouble() - 0.5);
            signal[2 * i] = (short) v;
            signal[2 * i + 1] = (short) (0.8 * v);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] coded = new byte[bytes];
        short[] out = new short[2 * frame];
        long sink = 0;
        long startWall = 0;
        long startCpu = 0;
        try (OpusEncoder encoder = new OpusEncoder(frame, 2, bytes); OpusDecoder decoder = new OpusDecoder(frame, 2)) {
            int pos = 0;
            for (long n = 0; n < warmup + timed; n++) {
                if (n == warmup) {
                    startWall = System.nanoTime();
                    startCpu = threads.getCurrentThreadCpuTime();
                }
                encoder.encode(signal, pos, coded, 0);
                decoder.decode(coded, 0, bytes, out, 0);
                sink += out[frame];
                pos += 2 * frame;
                if (pos + 2 * frame > signal.length) {
                    pos = 0;
                }
            }
        }
        double wall = (System.nanoTime() - startWall) / (double) timed;
        double cpu = (threads.getCurrentThreadCpuTime() - startCpu) / (double) timed;
        System.out.printf("Java/JNI %d/%d encode+decode: %.0f ns/frame wall, %.0f ns/frame CPU, over %d frames (sink %d)%n",
                frame, bytes, wall, cpu, timed, sink);
    }
}
