package org.tutti.client.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The engine's recording at home: one take at a time. Start and stop may come from the EDT and JSON-RPC at once: a
 * lock keeps the tap the audio thread reads and the recorder that drains it one pair. The audio thread never takes
 * it: it reads {@link #tap} once per cycle.
 */
final class HomeRecordings {
    private final Object lock = new Object();
    private final AtomicReference<HomeRecorder> recorder = new AtomicReference<>();
    private volatile RecordingTap tap;
    /** Runs a task on the engine's control thread. */
    private final Consumer<Runnable> controlThread;
    /** Told (on the control thread) when the writer gave up on a take. */
    private final BiConsumer<Path, String> failed;

    HomeRecordings(Consumer<Runnable> controlThread, BiConsumer<Path, String> failed) {
        this.controlThread = controlThread;
        this.failed = failed;
    }

    /** The tap of the take in progress, or null: the audio thread's one read per cycle. */
    RecordingTap tap() {
        return tap;
    }

    /** A new take in a {@code Tutti-…} folder under {@code parent} (one in progress ends first); its folder. */
    Path start(Path parent, List<String> extraTrackNames) throws IOException {
        synchronized (lock) {
            HomeRecorder r = HomeRecorder.start(parent, Clock.systemDefaultZone(),
                    (which, reason) -> controlThread.accept(() -> writerFailed(which, reason)), extraTrackNames);
            HomeRecorder old = recorder.getAndSet(r);
            tap = r.tap();
            if (old != null) {
                old.close();
            }
            return r.folder();
        }
    }

    /** Ends the take and closes its files; its folder, or null when none was running. */
    Path stop() {
        synchronized (lock) {
            HomeRecorder r = recorder.getAndSet(null);
            if (r == null) {
                return null;
            }
            tap = null; // a cycle that already took the tap may commit after the last drain: lost from both
            r.close();
            return r.folder();
        }
    }

    /** The take in progress, or null. */
    HomeRecorder current() {
        return recorder.get();
    }

    // Control thread: the writer gave up (disk full); the take ends as if stopped, and the engine's listener is told.
    private void writerFailed(HomeRecorder which, String reason) {
        synchronized (lock) {
            if (!recorder.compareAndSet(which, null)) {
                return; // already stopped or replaced
            }
            tap = null;
        }
        which.close();
        failed.accept(which.folder(), reason);
    }
}
