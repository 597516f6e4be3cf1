package org.tutti.backend;

/**
 * Receives one audio cycle at a time from a backend. Called on the backend's real-time thread: implementations must not
 * allocate, lock, block or log in {@link #process}.
 */
public interface AudioCallback {
    /**
     * Processes one cycle. {@code in[c]} and {@code out[c]} hold {@code frames} samples per channel, in [-1, 1]. The
     * arrays belong to the backend and are reused every cycle; {@code out} is cleared to silence before the call.
     */
    void process(float[][] in, float[][] out, int frames);

    /**
     * The stream stopped on its own (device unplugged, server gone, I/O error). Called once, from a non-real-time
     * thread or the failing I/O thread; never called for a {@link AudioStream#stop()} asked for by the application.
     */
    default void streamFailed(String reason) {
    }

    /** The backend changed its cycle length (e.g. JACK buffer size change); called before the next process call. */
    default void bufferSizeChanged(int frames) {
    }
}
