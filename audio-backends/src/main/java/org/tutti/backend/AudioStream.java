package org.tutti.backend;

/** An open device. start/stop/close may be called from any thread; close is idempotent. */
public interface AudioStream extends AutoCloseable {
    /** The format the backend granted; may change after {@link AudioCallback#bufferSizeChanged}. */
    AudioFormat format();

    void start() throws AudioBackendException;

    /**
     * Stops calling the callback; the stream can be started again. When it returns, no callback is running (unless
     * called from the callback itself), so the caller may free what the callback uses; {@link #close} likewise.
     */
    void stop();

    boolean isRunning();

    /** Cycles processed so far (for status displays and tests; never reset). */
    long cycles();

    @Override
    void close();
}
