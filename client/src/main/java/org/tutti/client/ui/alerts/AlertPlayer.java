package org.tutti.client.ui.alerts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays alert sounds through Java Sound's default output, on a thread of its own: the EDT only queues a request and
 * returns, and the session's audio stream (JACK or the chosen device) is never touched. At most one sound waits
 * behind the one playing; more requests meanwhile are dropped and counted. When no output line can be opened (no
 * sound card, device busy) the sound is dropped and counted, never an error.
 */
public final class AlertPlayer implements AutoCloseable {
    private final BlockingQueue<AlertTones.Kind> queue = new ArrayBlockingQueue<>(1);
    private final AtomicInteger played = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger requested = new AtomicInteger();
    private final Thread thread;

    public AlertPlayer() {
        thread = Thread.ofPlatform().daemon().name("tutti-alert-sounds").start(this::run);
    }

    /** Queues {@code kind}; returns at once (any thread). */
    public void play(AlertTones.Kind kind) {
        requested.incrementAndGet();
        if (!queue.offer(kind)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        try {
            while (true) {
                AlertTones.Kind kind = queue.take();
                if (sound(AlertTones.pcm(kind))) {
                    played.incrementAndGet();
                } else {
                    dropped.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed
        }
    }

    private static boolean sound(byte[] pcm) {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(AlertTones.FORMAT)) {
            line.open(AlertTones.FORMAT);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
            return true;
        } catch (Exception | LinkageError e) { // no mixer, line busy, or a broken sound provider
            return false;
        }
    }

    /** Sounds asked for, since the start. */
    public int requested() {
        return requested.get();
    }

    /** Sounds that reached the output line. */
    public int played() {
        return played.get();
    }

    /** Sounds dropped (one already waiting, or no output line). */
    public int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
