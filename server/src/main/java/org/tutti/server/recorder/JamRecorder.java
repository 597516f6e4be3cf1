package org.tutti.server.recorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The jam recorder: one WAV per musician connection, a folder per session, Audacity and REAPER indexes.
 *
 * <p>The server engine's tick thread is the only producer: it calls {@link #frame}, {@link #endOfTick},
 * {@link #channelGone} and {@link #serverIdle}, which copy into a preallocated ring and never block. A
 * writer thread owns the files. Control ({@link #setEnabled}, {@link #newSession}, {@link #setDirectory})
 * may come from any thread. A disk error ends the session cleanly, turns recording off and reports why;
 * files already written stay playable because their headers are always valid.
 */
public final class JamRecorder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tutti.recorder");
    private static final int RING_SLOTS = 8192;
    /** While recording, how often the writer drains the ring: 8192 slots hold over 100 ms of 150 musicians. */
    private static final long WRITER_POLL_NANOS = 2_000_000;
    /** After 100 ms with nothing to write, the writer polls every 50 ms. */
    private static final int EMPTY_POLLS_BEFORE_IDLE = 50;
    private static final long IDLE_POLL_NANOS = 50_000_000;

    private final FrameRing ring;
    private final int serverFrameSamples;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Runnable> control = new ConcurrentLinkedQueue<>();
    private final Thread writer;
    private volatile Consumer<RecorderState> stateListener = s -> { };
    private volatile RecorderState state;
    private volatile Path directory;
    private volatile String errorMessage = "";
    private volatile Path currentSessionFolder;
    private volatile boolean running = true;
    private RecordingSession session; // writer thread only

    /**
     * @param directory          where sessions go, or null when recording is not initialised (no {@code -R})
     * @param enabled            false for {@code --norecord}
     * @param serverFrameSamples samples per server tick (64 or 128)
     */
    public JamRecorder(Path directory, boolean enabled, int serverFrameSamples, Clock clock) {
        this.directory = directory;
        this.serverFrameSamples = serverFrameSamples;
        this.clock = Objects.requireNonNull(clock);
        this.ring = new FrameRing(RING_SLOTS, 2 * 128);
        this.state = directory == null ? RecorderState.NOT_INITIALISED
                : enabled ? RecorderState.RECORDING : RecorderState.NOT_ENABLED;
        if (directory != null && !Files.isDirectory(directory)) {
            fail("recording directory " + directory + " does not exist or is not a folder");
        }
        this.writer = Thread.ofPlatform().name("tutti-recorder").daemon(true).unstarted(this::runWriter);
        writer.start();
    }

    public void onStateChange(Consumer<RecorderState> listener) {
        this.stateListener = Objects.requireNonNull(listener);
    }

    public RecorderState state() {
        return state;
    }

    public boolean isRecording() {
        return state == RecorderState.RECORDING;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Path directory() {
        return directory;
    }

    /** The folder of the session being written, or null. */
    public Path currentSessionFolder() {
        return currentSessionFolder;
    }

    /** Frames the engine could not hand over because the disk fell behind (engine thread only). */
    public long droppedEvents() {
        return ring.dropped();
    }

    /** The writer thread's state: WAITING (no timed wake-ups) whenever the recorder is not recording (for tests). */
    Thread.State writerState() {
        return writer.getState();
    }

    /** Events handed over by the engine and not yet written (for tests and counters). */
    long pendingEvents() {
        return ring.pending();
    }

    // ---- engine tick thread -------------------------------------------------------------------------

    /** One server frame of a musician's decoded input (interleaved, {@code sampleFrames × channels} values). */
    public void frame(int channelId, String name, InetSocketAddress address, int channels, short[] pcm, int offset,
                      int sampleFrames) {
        if (state != RecorderState.RECORDING) {
            return;
        }
        FrameRing.Slot slot = ring.claim();
        if (slot == null) {
            return;
        }
        slot.kind = FrameRing.FRAME;
        slot.channelId = channelId;
        slot.name = name;
        slot.address = address;
        slot.channels = channels;
        slot.sampleFrames = sampleFrames;
        System.arraycopy(pcm, offset, slot.pcm, 0, sampleFrames * channels);
        ring.publish();
    }

    /** After the frames of one tick: advances the session clock. */
    public void endOfTick() {
        signal(FrameRing.END_OF_TICK, -1);
    }

    public void channelGone(int channelId) {
        signal(FrameRing.CHANNEL_GONE, channelId);
    }

    /** The last musician left: the session ends. */
    public void serverIdle() {
        signal(FrameRing.SERVER_IDLE, -1);
    }

    private void signal(int kind, int channelId) {
        if (state != RecorderState.RECORDING) {
            return;
        }
        FrameRing.Slot slot = ring.claim();
        if (slot != null) {
            slot.kind = kind;
            slot.channelId = channelId;
            ring.publish();
        }
    }

    // ---- control, any thread -------------------------------------------------------------------------

    /** Turns recording on or off (SIGUSR2, JSON-RPC start/stop). Ignored while not initialised. */
    public void setEnabled(boolean enabled) {
        control.add(() -> {
            if (directory == null) {
                return;
            }
            if (!enabled) {
                endSession();
                setState(RecorderState.NOT_ENABLED);
            } else if (Files.isDirectory(directory)) {
                errorMessage = "";
                setState(RecorderState.RECORDING);
            } else {
                fail("recording directory " + directory + " does not exist or is not a folder");
            }
        });
        LockSupport.unpark(writer);
    }

    public void toggle() {
        setEnabled(state != RecorderState.RECORDING);
    }

    /** Ends the current session; the next frame starts a new one (SIGUSR1, JSON-RPC restartRecording). */
    public void newSession() {
        control.add(() -> {
            String failure = endSession();
            if (failure != null) {
                errorMessage = failure;
            }
        });
        LockSupport.unpark(writer);
    }

    /** Changes where sessions go; the current session ends. */
    public void setDirectory(Path newDirectory) {
        control.add(() -> {
            endSession();
            directory = newDirectory;
            if (newDirectory == null) {
                setState(RecorderState.NOT_INITIALISED);
            } else if (!Files.isDirectory(newDirectory)) {
                fail("recording directory " + newDirectory + " does not exist or is not a folder");
            } else if (state == RecorderState.NOT_INITIALISED) {
                errorMessage = "";
                setState(RecorderState.RECORDING);
            }
        });
        LockSupport.unpark(writer);
    }

    // ---- writer thread ---------------------------------------------------------------------------------

    private void runWriter() {
        int emptyPolls = 0;
        while (true) {
            Runnable command;
            while ((command = control.poll()) != null) {
                command.run();
                emptyPolls = 0;
            }
            FrameRing.Slot slot = ring.peek();
            if (slot == null) {
                if (!running) {
                    break; // everything the engine handed over is written
                }
                if (state == RecorderState.RECORDING) {
                    // Nothing for a while: a recording server nobody plays on. Its first musician fills the ring at
                    // two events a tick (seconds to fill it), so a slower poll loses nothing and saves the wake-ups.
                    emptyPolls = Math.min(emptyPolls + 1, EMPTY_POLLS_BEFORE_IDLE);
                    LockSupport.parkNanos(emptyPolls < EMPTY_POLLS_BEFORE_IDLE ? WRITER_POLL_NANOS : IDLE_POLL_NANOS);
                } else {
                    // The engine hands over nothing unless recording, and every control command and close()
                    // unpark this thread: an idle recorder costs no wake-ups (polling cost 2 % of a core).
                    LockSupport.park(this);
                }
                continue;
            }
            emptyPolls = 0;
            try {
                consume(slot);
            } catch (IOException | RuntimeException e) {
                fail("recording stopped: " + describe(e));
            }
            ring.release();
        }
        endSession();
    }

    private void consume(FrameRing.Slot slot) throws IOException {
        if (state != RecorderState.RECORDING) {
            return; // drained after recording was turned off
        }
        switch (slot.kind) {
            case FrameRing.FRAME -> {
                if (session == null) {
                    session = new RecordingSession(directory, clock.instant(), serverFrameSamples);
                    currentSessionFolder = session.folder();
                    LOG.log(System.Logger.Level.INFO, "recording into " + session.folder());
                }
                session.write(slot.channelId, slot.name, slot.address, slot.channels, slot.pcm, 0, slot.sampleFrames);
            }
            case FrameRing.END_OF_TICK -> {
                if (session != null) {
                    session.endFrame();
                }
            }
            case FrameRing.CHANNEL_GONE -> {
                if (session != null) {
                    session.closeTrack(slot.channelId);
                }
            }
            case FrameRing.SERVER_IDLE -> endSession();
            default -> throw new IllegalStateException("unknown ring event " + slot.kind);
        }
    }

    /** Ends the session; returns why finishing it failed, or null. */
    private String endSession() {
        RecordingSession s = session;
        session = null;
        currentSessionFolder = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                String why = "could not finish " + s.folder() + ": " + describe(e);
                LOG.log(System.Logger.Level.ERROR, why);
                return why;
            }
        }
        return null;
    }

    private void fail(String message) {
        LOG.log(System.Logger.Level.ERROR, message);
        String finishing = endSession();
        errorMessage = finishing == null ? message : message + "; " + finishing;
        setState(directory == null ? RecorderState.NOT_INITIALISED : RecorderState.NOT_ENABLED);
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no such file or folder " + e.getMessage()
                : e instanceof FileSystemException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void setState(RecorderState newState) {
        if (state != newState) {
            state = newState;
            stateListener.accept(newState);
        }
    }

    /** Finishes the session in progress and stops the writer; returns once files are closed. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
