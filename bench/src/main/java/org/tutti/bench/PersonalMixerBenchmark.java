package org.tutti.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tutti.server.mix.PersonalMixer;
import org.tutti.server.mix.SourceFrame;

/**
 * One listener's personal mix of N sources for one 128-sample server frame with the pure {@link PersonalMixer},
 * without codecs or sockets: the O(N) inner step of a server whose listeners all have their own mixes (a server
 * does this N times per tick). {@code law}: {@code mono} (mono listener, (L+R)/2 of stereo sources),
 * {@code level} (stereo listener, level pan) or {@code delay} (stereo listener, {@code -P} delay pan). Half the
 * sources are stereo, pans and gains vary per source. The result is the clipped 16-bit frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PersonalMixerBenchmark {
    private static final int FRAME = 128;

    @Param({"10", "50", "150"})
    public int sources;

    @Param({"mono", "level", "delay"})
    public String law;

    private SourceFrame[] frames;
    private float[] gains;
    private float[] pans;
    private PersonalMixer mixer;
    private short[] out;
    private boolean stereoOut;

    @Setup(Level.Trial)
    public void setUp() {
        mixer = new PersonalMixer(FRAME, law.equals("delay"));
        stereoOut = !law.equals("mono");
        out = new short[2 * FRAME];
        frames = new SourceFrame[sources];
        gains = new float[sources];
        pans = new float[sources];
        short[] pcm = new short[2 * FRAME];
        for (int s = 0; s < sources; s++) {
            int channels = 1 + s % 2;
            for (int i = 0; i < channels * FRAME; i++) {
                pcm[i] = (short) (3000 * Math.sin(2 * Math.PI * (220 + 10 * s) * i / (channels * 48000.0)));
            }
            frames[s] = new SourceFrame(FRAME);
            frames[s].set(pcm, channels, FRAME);
            frames[s].rememberHistory(FRAME);
            gains[s] = 0.5f + 0.4f * ((s * 31 % 97) / 97f);
            pans[s] = (s * 37 % 101) / 100f;
        }
    }

    @Benchmark
    public short[] mixOneListener() {
        mixer.start(stereoOut);
        for (int s = 0; s < sources; s++) {
            mixer.add(frames[s], gains[s], pans[s]);
        }
        mixer.write(out);
        return out;
    }
}
