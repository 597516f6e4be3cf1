package org.tutti.client.engine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.tutti.audio.WavFileWriter;

/**
 * Recording at home: the musician's own input and the mix they hear, into {@code Tutti-YYYYMMDD-HHMMSS/own-input.wav}
 * and {@code mix.wav} (48 kHz, 16-bit, stereo). The audio thread copies each cycle into a {@link RecordingTap}; the
 * {@code tutti-home-recorder} thread owns the files and drains the tap every 20 ms. The WAV headers are patched to
 * cover what is on disk at every flush (every 250 ms), so a killed process leaves playable files missing at most the
 * last quarter second or so. With a split (several inputs as separate channels), each extra channel's input gets a
 * track of its own beside them, {@code own-input-2-NAME.wav} …, filled while the split's connection runs.
 */
public final class HomeRecorder implements AutoCloseable {
    static final String OWN_INPUT_FILE = "own-input.wav";
    static final String MIX_FILE = "mix.wav";
    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("'Tutti-'yyyyMMdd-HHmmss");
    private static final int TAP_FRAMES = 1 << 17;          // 2.7 s of audio: the disk may stall that long
    private static final int CHUNK_FRAMES = 4096;
    private static final long POLL_NANOS = 20_000_000;
    private static final long FLUSH_NANOS = 250_000_000;

    private final Path folder;
    private final RecordingTap tap;
    private final WavFileWriter own;
    private final WavFileWriter mix;
    private final WavFileWriter[] extra;
    private final short[][] extraChunks;
    private final short[] ownChunk = new short[CHUNK_FRAMES * 2];
    private final short[] mixChunk = new short[CHUNK_FRAMES * 2];
    private final Thread writer;
    private volatile boolean running = true;
    private volatile long framesWritten;
    private volatile String error;
    private final BiConsumer<HomeRecorder, String> onFailure;

    private HomeRecorder(Path folder, BiConsumer<HomeRecorder, String> onFailure, List<String> extraNames)
            throws IOException {
        this.folder = folder;
        this.onFailure = onFailure;
        this.tap = new RecordingTap(TAP_FRAMES, extraNames.size());
        this.extra = new WavFileWriter[extraNames.size()];
        this.extraChunks = new short[extraNames.size()][CHUNK_FRAMES * 2];
        this.own = new WavFileWriter(folder.resolve(OWN_INPUT_FILE), 2, WavFileWriter.SAMPLE_RATE / 4);
        try {
            this.mix = new WavFileWriter(folder.resolve(MIX_FILE), 2, WavFileWriter.SAMPLE_RATE / 4);
            for (int t = 0; t < extra.length; t++) {
                extra[t] = new WavFileWriter(folder.resolve(extraTrackFile(t + 2, extraNames.get(t))), 2,
                        WavFileWriter.SAMPLE_RATE / 4);
            }
        } catch (IOException e) {
            own.close();
            for (WavFileWriter w : extra) {
                if (w != null) {
                    w.close();
                }
            }
            throw e;
        }
        this.writer = Thread.ofPlatform().name("tutti-home-recorder").daemon(true).unstarted(this::run);
        writer.start();
    }

    /**
     * Creates {@code parent/Tutti-…} (parents too) with both files, and starts the writer; {@code onFailure} hears
     * (on the writer thread, once) that writing stopped early and why.
     */
    public static HomeRecorder start(Path parent, Clock clock, BiConsumer<HomeRecorder, String> onFailure)
            throws IOException {
        return start(parent, clock, onFailure, List.of());
    }

    /** As {@link #start(Path, Clock, BiConsumer)}, with one more own-input track per name (a split's channels 2..). */
    public static HomeRecorder start(Path parent, Clock clock, BiConsumer<HomeRecorder, String> onFailure,
                                     List<String> extraTracks) throws IOException {
        Files.createDirectories(parent);
        String name = FOLDER_NAME.format(LocalDateTime.now(clock));
        for (int n = 1; ; n++) {
            Path folder = parent.resolve(n == 1 ? name : name + "-" + n); // two takes in one second
            try {
                Files.createDirectory(folder);
                return new HomeRecorder(folder, onFailure, extraTracks);
            } catch (FileAlreadyExistsException e) {
                if (n == 20) {
                    throw e;
                }
            }
        }
    }

    /** {@code own-input-N-NAME.wav}, the name kept to letters, digits, '-' and '_' (others become '_'). */
    static String extraTrackFile(int channelNumber, String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}_-]", "_");
        return "own-input-" + channelNumber + (safe.isEmpty() ? "" : "-" + safe) + ".wav";
    }

    public Path folder() {
        return folder;
    }

    /** Sample frames written to each file so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Audio the writer could not keep up with, in sample frames. */
    public long droppedFrames() {
        return tap.droppedFrames();
    }

    /** Why writing stopped early (disk full, folder gone), or null. */
    public String error() {
        return error;
    }

    RecordingTap tap() {
        return tap;
    }

    private void run() {
        long lastFlush = System.nanoTime();
        try {
            while (true) {
                boolean last = !running; // read before draining: what the audio thread published is taken
                int n;
                while ((n = tap.drain(ownChunk, mixChunk, extraChunks, CHUNK_FRAMES)) > 0) {
                    own.write(ownChunk, 0, n);
                    mix.write(mixChunk, 0, n);
                    for (int t = 0; t < extra.length; t++) {
                        extra[t].write(extraChunks[t], 0, n);
                    }
                    framesWritten += n;
                }
                if (last) {
                    break;
                }
                if (System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                    own.flush();
                    mix.flush();
                    for (WavFileWriter w : extra) {
                        w.flush();
                    }
                    lastFlush = System.nanoTime();
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        closeQuietly(own);
        closeQuietly(mix);
        for (WavFileWriter w : extra) {
            closeQuietly(w);
        }
        if (error != null) {
            onFailure.accept(this, error); // the files stay playable: their headers cover what is on disk
        }
    }

    private void closeQuietly(WavFileWriter w) {
        try {
            w.close();
        } catch (IOException e) {
            if (error == null) {
                error = "could not finish " + w.path() + ": " + e.getMessage();
            }
        }
    }

    /** Writes what the audio thread handed over, finishes both files and returns once they are closed. */
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
