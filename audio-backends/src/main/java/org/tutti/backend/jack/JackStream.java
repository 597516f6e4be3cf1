package org.tutti.backend.jack;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioFormat;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import static org.tutti.backend.AudioRequest.CHANNELS;

/**
 * One JACK client with ports "input left/right" and "output left/right", and "input 3", "output 3"… when the request
 * asks for more channels (channel mapping, several inputs as separate channels). The cycle length is always JACK's
 * period; the requested buffer size is only a wish.
 *
 * <p>Stopping never lets JACK cancel the process thread: jack_deactivate cancels it asynchronously, and a thread
 * cancelled inside the JVM (a late cycle, a safepoint) crashes it in jni_DetachCurrentThread or corrupts the heap.
 * Instead the process callback is asked to return non-zero; JNAJack then detaches the thread and JACK ends it itself
 * (JackClient::End, which also deactivates the client), and {@link #stop} waits for that thread to be gone.
 */
final class JackStream implements AudioStream {
    static final String[] INPUT_PORTS = {"input left", "input right"};
    static final String[] OUTPUT_PORTS = {"output left", "output right"};

    /** Port name of input channel {@code c} (0-based): "input left", "input right", "input 3", … */
    static String inputPortName(int c) {
        return c < INPUT_PORTS.length ? INPUT_PORTS[c] : "input " + (c + 1);
    }

    /** Port name of output channel {@code c} (0-based): "output left", "output right", "output 3", … */
    static String outputPortName(int c) {
        return c < OUTPUT_PORTS.length ? OUTPUT_PORTS[c] : "output " + (c + 1);
    }

    private final Jack jack;
    private final JackClient client;
    private final AudioRequest request;
    private final AudioCallback callback;
    private final JackPort[] inputs;
    private final JackPort[] outputs;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final boolean joinable = PosixThread.AVAILABLE; // loads libc here, not on the process thread
    private volatile float[][] in;
    private volatile float[][] out;
    private volatile AudioFormat format;
    private volatile boolean running;
    private boolean active; // guarded by this
    private volatile boolean endRequested;
    private volatile boolean processEnded;
    private volatile long endingThread;
    private volatile Thread endWaiter;
    private volatile boolean closed;
    private volatile long cycles;

    /** How long {@link #stop} waits for the process thread to end itself before JACK cancels it. */
    static final long END_TIMEOUT_MS = 2_000;

    JackStream(Jack jack, JackClient client, AudioRequest request, AudioCallback callback) throws JackException {
        this.jack = jack;
        this.client = client;
        this.request = request;
        this.callback = callback;
        inputs = new JackPort[request.inputChannels()];
        outputs = new JackPort[request.outputChannels()];
        for (int c = 0; c < inputs.length; c++) {
            inputs[c] = client.registerPort(inputPortName(c), JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
        }
        for (int c = 0; c < outputs.length; c++) {
            outputs[c] = client.registerPort(outputPortName(c), JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
        }
        resize(client.getBufferSize());
        format = new AudioFormat(client.getSampleRate(), client.getBufferSize(), inputs.length, outputs.length);
        client.setProcessCallback(this::process);
        client.setBuffersizeCallback((c, frames) -> {
            resize(frames);
            format = new AudioFormat(format.sampleRate(), frames, inputs.length, outputs.length);
            callback.bufferSizeChanged(frames);
        });
        client.onShutdown(c -> fail("the JACK server stopped"));
    }

    private void resize(int frames) {
        in = new float[inputs.length][frames];
        out = new float[outputs.length][frames];
    }

    // JACK's real-time thread: copies only, into arrays allocated outside this path.
    private boolean process(JackClient c, int frames) {
        float[][] i = in;
        float[][] o = out;
        if (endRequested) {
            silence(frames);
            endingThread = joinable ? PosixThread.pthread_self() : 0;
            processEnded = true;
            LockSupport.unpark(endWaiter);
            return false; // JACK ends this thread once JNAJack has detached it from the JVM
        }
        if (!running || frames > i[0].length) {
            silence(frames);
            return true;
        }
        for (int ch = 0; ch < inputs.length; ch++) {
            inputs[ch].getFloatBuffer().get(0, i[ch], 0, frames);
        }
        for (int ch = 0; ch < outputs.length; ch++) {
            Arrays.fill(o[ch], 0, frames, 0f);
        }
        callback.process(i, o, frames);
        for (int ch = 0; ch < outputs.length; ch++) {
            outputs[ch].getFloatBuffer().put(0, o[ch], 0, frames);
        }
        cycles++;
        return true;
    }

    private void silence(int frames) {
        for (JackPort p : outputs) {
            FloatBuffer fb = p.getFloatBuffer();
            for (int k = 0; k < frames; k++) {
                fb.put(k, 0f);
            }
        }
    }

    private void fail(String reason) {
        running = false;
        if (!closed && failed.compareAndSet(false, true)) {
            // The shutdown callback runs inside libjack; report from an ordinary thread.
            Thread t = new Thread(() -> callback.streamFailed(reason), "tutti-jack-shutdown");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public synchronized void start() throws AudioBackendException {
        if (closed || failed.get()) {
            throw new AudioBackendException("the JACK stream is closed");
        }
        if (active) {
            return;
        }
        endRequested = false;
        processEnded = false;
        running = true;
        try {
            client.activate();
            active = true;
        } catch (JackException e) {
            running = false;
            throw new AudioBackendException("JACK refused to activate the client: " + e.getMessage(), e);
        }
        if (request.autoConnect()) {
            autoConnect();
        }
    }

    // Physical capture ports are JACK "outputs"; a missing or refused connection is not fatal.
    private void autoConnect() {
        try {
            String[] capture = jack.getPorts(client, null, JackPortType.AUDIO,
                    EnumSet.of(JackPortFlags.JackPortIsPhysical, JackPortFlags.JackPortIsOutput));
            String[] playback = jack.getPorts(client, null, JackPortType.AUDIO,
                    EnumSet.of(JackPortFlags.JackPortIsPhysical, JackPortFlags.JackPortIsInput));
            // left and right always (a mono card feeds both); further channels only where the card has them
            for (int c = 0; c < inputs.length && capture.length > 0; c++) {
                if (c < CHANNELS || c < capture.length) {
                    jack.connect(client, capture[Math.min(c, capture.length - 1)], inputs[c].getName());
                }
            }
            for (int c = 0; c < outputs.length && playback.length > 0; c++) {
                if (c < CHANNELS || c < playback.length) {
                    jack.connect(client, outputs[c].getName(), playback[Math.min(c, playback.length - 1)]);
                }
            }
        } catch (JackException e) {
            System.getLogger("tutti.jack").log(System.Logger.Level.WARNING, "JACK auto-connect failed: " + e.getMessage());
        }
    }

    /** Stops the callback; returns once JACK's process thread has ended (or after {@link #END_TIMEOUT_MS}). */
    @Override
    public synchronized void stop() {
        if (!active) {
            return;
        }
        active = false;
        running = false;
        if (failed.get()) {
            return; // the server is gone and so is the thread; close() lets go of the client
        }
        if (!awaitProcessThreadEnd() && !failed.get()) {
            // No cycle came (server hung?): JACK cancels the thread, which is then waiting in libjack.
            client.deactivate();
        }
    }

    private boolean awaitProcessThreadEnd() {
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(END_TIMEOUT_MS);
        endWaiter = Thread.currentThread();
        endRequested = true;
        long leftNanos;
        while (!processEnded && !failed.get() && (leftNanos = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, leftNanos);
        }
        endWaiter = null;
        if (!processEnded) {
            endRequested = false;
            return false;
        }
        long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        if (endingThread != 0) {
            return PosixThread.join(endingThread, leftMillis);
        }
        // Without pthread_timedjoin_np: the thread left Java when the callback returned; JACK ends it right after.
        return true;
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
        if (!closed) {
            stop();
            closed = true;
            client.close();
        }
    }
}
