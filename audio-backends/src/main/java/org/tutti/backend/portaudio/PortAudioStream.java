package org.tutti.backend.portaudio;

import com.sun.jna.Callback;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioFormat;
import org.tutti.backend.AudioStream;
import org.tutti.backend.resample.DuplexRateAdapter;

/**
 * A PortAudio duplex float stream. The callback copies interleaved native samples into arrays allocated here, runs
 * the application at 48 kHz (through a {@link DuplexRateAdapter} when the device runs at another rate), and copies
 * back. A watchdog thread turns a stream that stopped on its own (device unplugged, JACK server gone) into one
 * {@link AudioCallback#streamFailed} call.
 */
public final class PortAudioStream implements AudioStream {
    static final int APP_RATE = 48_000;
    private static final long STALL_NANOS = 2_000_000_000L;
    // Streams whose native side could not be closed safely (PortAudio's JACK host API waits up to ten minutes for a
    // dead server): their callbacks must stay reachable as long as native code may hold them.
    private static final List<Object> ABANDONED = new ArrayList<>();

    private final PortAudioLibrary pa;
    private final StreamSetup setup;
    private final AudioCallback callback;
    private final AudioFormat format;
    private final DuplexRateAdapter adapter;
    private final float[] inInterleaved;
    private final float[] outInterleaved;
    private final float[][] in;
    private final float[][] out;
    private final Callback nativeCallback = Platform.isWindows()
            ? (PortAudioLibrary.StreamCallbackLlp64) (i, o, n, t, s, u) -> onCycle(i, o, n & 0xFFFF_FFFFL, s)
            : (PortAudioLibrary.StreamCallback) (i, o, n, t, s, u) -> onCycle(i, o, n, s);
    private final ReusablePointer input = new ReusablePointer();
    private final ReusablePointer output = new ReusablePointer();
    private final AtomicBoolean failed = new AtomicBoolean();
    private Pointer handle;
    private double inputLatencySeconds;
    private double outputLatencySeconds;
    private Thread watchdog;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile long cycles;
    private volatile long statusFlags;
    private volatile long callbackErrors;

    /**
     * @param appInputs  channels the callback gets: at least 2, more when the device opened more
     * @param appOutputs channels the callback fills: at least 2
     */
    PortAudioStream(PortAudioLibrary pa, StreamSetup setup, int appFrames, int appInputs, int appOutputs,
                    AudioCallback callback) {
        this.pa = pa;
        this.setup = setup;
        this.callback = callback;
        this.format = new AudioFormat(APP_RATE, appFrames, appInputs, appOutputs);
        int frames = setup.deviceFrames();
        adapter = setup.sampleRate() == APP_RATE ? null
                : new DuplexRateAdapter(setup.sampleRate(), APP_RATE, appFrames, frames, appInputs, appOutputs, callback);
        inInterleaved = new float[frames * Math.max(1, setup.inputChannels())];
        outInterleaved = new float[frames * setup.outputChannels()];
        in = new float[appInputs][frames];
        out = new float[appOutputs][frames];
        // PortAudio's thread is attached to the JVM once, as a daemon, and stays attached (no attach per callback)
        Native.setCallbackThreadInitializer(nativeCallback, new CallbackThreadInitializer(true, false, "tutti-portaudio"));
    }

    void opened(Pointer stream) {
        handle = stream;
        Pointer info = pa.Pa_GetStreamInfo(stream);
        if (info != null) {
            PortAudioLibrary.StreamInfo si = new PortAudioLibrary.StreamInfo(info);
            inputLatencySeconds = si.inputLatency;
            outputLatencySeconds = si.outputLatency;
        }
    }

    Callback nativeCallback() {
        return nativeCallback;
    }

    // PortAudio's real-time thread: copies and arithmetic only, into arrays allocated in the constructor; the native
    // buffers are reached through two reusable Pointer objects.
    private int onCycle(long inputAddress, long outputAddress, long frameCount, long status) {
        int frames = (int) frameCount;
        int outCh = setup.outputChannels();
        if (outputAddress == 0) {
            return PortAudioLibrary.paContinue;
        }
        output.at(outputAddress);
        // the application's cycle is fixed; a host that changes its buffer size on the fly (JACK) is silenced
        if (!running || (adapter == null ? frames != format.bufferFrames() : frames > in[0].length)) {
            output.setMemory(0, (long) frames * outCh * Float.BYTES, (byte) 0);
            return PortAudioLibrary.paContinue;
        }
        try {
            if (status != 0) {
                statusFlags++;
            }
            readInput(inputAddress, frames);
            if (adapter != null) {
                adapter.process(in, out, frames);
            } else {
                for (float[] channel : out) {
                    Arrays.fill(channel, 0, frames, 0f);
                }
                callback.process(in, out, frames);
            }
            writeOutput(frames, outCh);
            cycles++;
        } catch (RuntimeException e) {
            callbackErrors++; // never let an exception unwind into native code
            output.setMemory(0, (long) frames * outCh * Float.BYTES, (byte) 0);
        }
        return PortAudioLibrary.paContinue;
    }

    private void readInput(long inputAddress, int frames) {
        int inCh = setup.inputChannels();
        if (inCh == 0 || inputAddress == 0) {
            for (float[] channel : in) {
                Arrays.fill(channel, 0, frames, 0f);
            }
            return;
        }
        input.at(inputAddress);
        input.read(0, inInterleaved, 0, frames * inCh);
        if (inCh == 1) {
            for (int i = 0; i < frames; i++) {
                in[0][i] = inInterleaved[i]; // a mono device feeds both sides
                in[1][i] = inInterleaved[i];
            }
            return;
        }
        for (int c = 0; c < inCh; c++) {
            float[] channel = in[c];
            for (int i = 0, j = c; i < frames; i++, j += inCh) {
                channel[i] = inInterleaved[j];
            }
        }
    }

    private void writeOutput(int frames, int outCh) {
        if (outCh == 1) {
            for (int i = 0; i < frames; i++) {
                outInterleaved[i] = 0.5f * (out[0][i] + out[1][i]);
            }
        } else {
            for (int c = 0; c < outCh; c++) {
                float[] channel = out[c];
                for (int i = 0, j = c; i < frames; i++, j += outCh) {
                    outInterleaved[j] = channel[i];
                }
            }
        }
        output.write(0, outInterleaved, 0, frames * outCh);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public void start() throws AudioBackendException {
        synchronized (PortAudio.class) {
            if (closed || failed.get()) {
                throw new AudioBackendException("the PortAudio stream is closed");
            }
            if (running) {
                return;
            }
            running = true;
            int err = pa.Pa_StartStream(handle);
            if (err < 0) {
                running = false;
                throw new AudioBackendException("PortAudio could not start " + setup.description() + ": "
                        + pa.Pa_GetErrorText(err));
            }
            if (watchdog == null) {
                watchdog = new Thread(this::watch, "tutti-portaudio-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }
    }

    private void watch() {
        long seen = -1;
        long progressAt = System.nanoTime();
        while (!closed && !failed.get()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                progressAt = System.nanoTime();
                continue;
            }
            int active;
            synchronized (PortAudio.class) {
                if (closed || !running) {
                    continue;
                }
                active = pa.Pa_IsStreamActive(handle);
            }
            long now = System.nanoTime();
            if (cycles != seen) {
                seen = cycles;
                progressAt = now;
            }
            if (active < 0) {
                fail("PortAudio reports an error on " + setup.description() + ": " + PortAudio.errorText(active));
            } else if (active == 0) {
                fail("the sound device " + setup.description() + " stopped (unplugged or its server quit)");
            } else if (now - progressAt > STALL_NANOS) {
                fail("the sound device " + setup.description() + " stopped delivering audio (unplugged?)");
            }
        }
    }

    private void fail(String reason) {
        if (!closed && failed.compareAndSet(false, true)) {
            running = false;
            callback.streamFailed(reason);
        }
    }

    @Override
    public void stop() {
        synchronized (PortAudio.class) {
            if (running && !closed && !failed.get()) {
                running = false;
                pa.Pa_StopStream(handle);
            }
            running = false;
        }
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
    public void close() {
        Thread w;
        synchronized (PortAudio.class) {
            if (closed) {
                return;
            }
            stop();
            closed = true;
            w = watchdog;
            if (failed.get() && setup.hostApiType() == HostApiPreference.JACK) {
                ABANDONED.add(this); // closing would block for minutes on the dead server; leak instead
            } else {
                pa.Pa_CloseStream(handle);
                PortAudio.terminate();
            }
        }
        if (w != null && w != Thread.currentThread()) {
            w.interrupt();
        }
    }

    /** A Pointer whose address is set each cycle, so reading native buffers allocates nothing. */
    private static final class ReusablePointer extends Pointer {
        ReusablePointer() {
            super(0);
        }

        void at(long address) {
            peer = address;
        }
    }

    /** What was opened: host API, device(s), device sample rate. */
    public String description() {
        return setup.description() + " at " + setup.sampleRate() + " Hz";
    }

    /** The device's sample rate; not 48000 means Tutti resamples inside the backend. */
    public int deviceSampleRate() {
        return setup.sampleRate();
    }

    /** Input plus output latency as the driver reports it, plus the resampling delay if any, in milliseconds. */
    public double latencyMs() {
        return (inputLatencySeconds + outputLatencySeconds + (adapter == null ? 0 : adapter.delaySeconds())) * 1000;
    }

    public double inputLatencyMs() {
        return inputLatencySeconds * 1000;
    }

    public double outputLatencyMs() {
        return outputLatencySeconds * 1000;
    }

    /** Cycles in which PortAudio flagged an input overflow or output underflow. */
    public long xruns() {
        return statusFlags;
    }

    public long callbackErrors() {
        return callbackErrors;
    }
}
