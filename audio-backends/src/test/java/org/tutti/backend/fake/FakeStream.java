package org.tutti.backend.fake;

import java.util.Arrays;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioFormat;
import org.tutti.backend.AudioStream;

/**
 * A stream whose cycles run only when the test calls {@link #runCycles}. Input comes from a settable source; the last
 * output is kept for inspection.
 */
public final class FakeStream implements AudioStream {
    /** Fills one input cycle; {@code frameIndex} counts frames since the stream was opened. */
    public interface InputSource {
        void fill(float[][] in, int frames, long frameIndex);
    }

    private final AudioCallback callback;
    private final float[][] in;
    private final float[][] out;
    private volatile AudioFormat format;
    private volatile InputSource source = (in, frames, index) -> { };
    private volatile boolean running;
    private volatile boolean closed;
    private long frameIndex;
    private long cycles;

    FakeStream(int bufferFrames, AudioCallback callback) {
        this.callback = callback;
        this.format = new AudioFormat(48_000, bufferFrames, 2, 2);
        in = new float[2][bufferFrames];
        out = new float[2][bufferFrames];
    }

    public void setInput(InputSource source) {
        this.source = source;
    }

    /**
     * Runs {@code n} cycles on the caller's thread if the stream is started; returns the cycles run. Synchronized with
     * stop and close, as a real device's stop waits for its callback to return.
     */
    public synchronized int runCycles(int n) {
        int done = 0;
        int frames = format.bufferFrames();
        for (; done < n && running; done++) {
            Arrays.fill(in[0], 0f);
            Arrays.fill(in[1], 0f);
            source.fill(in, frames, frameIndex);
            Arrays.fill(out[0], 0f);
            Arrays.fill(out[1], 0f);
            callback.process(in, out, frames);
            frameIndex += frames;
            cycles++;
        }
        return done;
    }

    /** The output of the last cycle, channel {@code c}. */
    public float[] lastOutput(int c) {
        return out[c].clone();
    }

    /** Simulates the device disappearing. */
    public synchronized void unplug(String reason) {
        if (running) {
            running = false;
            callback.streamFailed(reason);
        }
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public void start() {
        if (!closed) {
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public long cycles() {
        return cycles;
    }

    @Override
    public synchronized void close() {
        running = false;
        closed = true;
    }
}
