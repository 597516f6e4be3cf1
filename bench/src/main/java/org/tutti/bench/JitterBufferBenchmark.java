package org.tutti.bench;

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
import org.tutti.audio.JitterBuffer;

/**
 * Cost of one put plus one get of a 71-byte frame (a steady stream with sequence numbers), per mode.
 * The Jamulus-style auto mode updates ten simulated buffers and their error statistics on every call;
 * the Tutti auto mode updates its arrival statistics.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class JitterBufferBenchmark {
    @Param({"manual", "jamulus", "tutti"})
    public String mode;

    private JitterBuffer buffer;
    private final byte[] frame = new byte[71];
    private final byte[] out = new byte[71];
    private int seq;
    private long nowNanos;

    @Setup(Level.Trial)
    public void setUp() {
        buffer = new JitterBuffer(frame.length, 128, true, 4);
        switch (mode) {
            case "manual" -> { }
            case "jamulus" -> buffer.setAuto(JitterBuffer.AutoStrategy.JAMULUS);
            case "tutti" -> buffer.setAuto(JitterBuffer.AutoStrategy.TUTTI);
            default -> throw new IllegalArgumentException(mode);
        }
    }

    @Benchmark
    public int putGet() {
        nowNanos += 2_666_667;
        buffer.put(frame, 0, frame.length, seq++, nowNanos);
        return buffer.get(out, 0);
    }
}
