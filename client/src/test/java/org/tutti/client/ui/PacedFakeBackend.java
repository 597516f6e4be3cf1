package org.tutti.client.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioFormat;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;

/**
 * The deterministic fake backend, driven by a thread at about real-time pace, so a client engine streams to a real
 * server as it would from a sound card (with silence as input).
 */
public final class PacedFakeBackend implements AudioBackendProvider {
    private final FakeStream.InputSource input;
    /** The streams opened so far, newest last (a test reads their output). */
    public final List<FakeStream> opened = new CopyOnWriteArrayList<>();

    /** Silence on the input. */
    public PacedFakeBackend() {
        this((in, frames, index) -> { });
    }

    /** {@code input} fills every cycle's input, as a sound card's microphone would. */
    public PacedFakeBackend(FakeStream.InputSource input) {
        this.input = input;
    }

    @Override
    public String name() {
        return "paced-fake";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public List<AudioDevice> devices() {
        return new FakeBackendProvider().devices();
    }

    @Override
    public AudioStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
        FakeStream fake = FakeBackendProvider.openFake(request.bufferFrames(), callback);
        fake.setInput(input);
        opened.add(fake);
        return new AudioStream() {
            private volatile boolean closed;
            private Thread driver;

            @Override
            public AudioFormat format() {
                return fake.format();
            }

            @Override
            public synchronized void start() {
                fake.start();
                if (driver == null) {
                    long periodNs = fake.format().bufferFrames() * 1_000_000_000L / 48_000;
                    driver = Thread.ofPlatform().daemon().name("paced-fake-audio").start(() -> {
                        long next = System.nanoTime();
                        while (!closed) {
                            fake.runCycles(1);
                            next += periodNs;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            } else if (wait < -50_000_000L) {
                                next = System.nanoTime(); // fell far behind (loaded machine): do not burst
                            }
                        }
                    });
                }
            }

            @Override
            public void stop() {
                fake.stop();
            }

            @Override
            public boolean isRunning() {
                return fake.isRunning();
            }

            @Override
            public long cycles() {
                return fake.cycles();
            }

            /** Like a real backend: once close returns, no callback is running or will run. */
            @Override
            public void close() {
                closed = true;
                fake.close();
                Thread t;
                synchronized (this) {
                    t = driver;
                }
                if (t != null && t != Thread.currentThread()) {
                    try {
                        t.join(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }
}
