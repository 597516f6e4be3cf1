package org.tutti.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a codec from one thread while another is inside encode/decode (issue #10; seen once in the server when a
 * channel closed). Before the guard, close freed the native state under the running call: a use after free that
 * corrupts the heap and crashes the JVM sooner or later. Now close waits for the call in flight, and every call
 * after close fails cleanly: decode returns {@link OpusDecoder#CLOSED}, encode throws IllegalStateException.
 */
class CodecCloseRaceTest {
    /** A harness like this one, with the old close, crashed the JVM (SIGFPE in libtuttiopus) within 20,000 rounds. */
    private static final int ROUNDS = 2000;

    @Test
    void closingWhileAnotherThreadDecodesNeverFreesTheStateUnderIt() throws Exception {
        byte[] frame = new byte[22];
        try (OpusEncoder source = new OpusEncoder(64, 1, 22)) {
            short[] tone = new short[64];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(i * 0.3));
            }
            source.encode(tone, 0, frame, 0);
        }
        Random random = new Random(7);
        AtomicLong callsAfterClose = new AtomicLong();
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            OpusDecoder decoder = new OpusDecoder(64, 1);
            AtomicReference<String> problem = new AtomicReference<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                short[] pcm = new short[64];
                while (true) {
                    int n = decoder.decode(frame, 0, frame.length, pcm, 0);
                    int c = decoder.conceal(pcm, 0);
                    if (n == OpusDecoder.CLOSED || c == OpusDecoder.CLOSED) {
                        callsAfterClose.incrementAndGet();
                        if (decoder.decode(frame, 0, frame.length, pcm, 0) != OpusDecoder.CLOSED) {
                            problem.set("a decode after close did not report CLOSED");
                        }
                        return;
                    }
                    if (n != 64 || c != 64) {
                        problem.set("decode returned " + n + ", conceal " + c + " while open");
                        return;
                    }
                }
            });
            spinMicros(random.nextInt(300));
            decoder.close();
            churnNativeHeap(); // freed state gets reused at once: a call still inside it would now read garbage
            worker.join(10_000);
            assertThat(worker.isAlive()).as("worker ends after close").isFalse();
            if (problem.get() != null) {
                problems.add("round " + round + ": " + problem.get());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(callsAfterClose.get()).isEqualTo(ROUNDS);
    }

    @Test
    void closingWhileAnotherThreadEncodesNeverFreesTheStateUnderIt() throws Exception {
        Random random = new Random(11);
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            OpusEncoder encoder = new OpusEncoder(128, 2, 165);
            AtomicReference<String> problem = new AtomicReference<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                short[] pcm = new short[256];
                byte[] out = new byte[165];
                while (true) {
                    int n;
                    try {
                        n = encoder.encode(pcm, 0, out, 0);
                    } catch (IllegalStateException closed) {
                        if (!encoder.isClosed()) {
                            problem.set("encode failed while open: " + closed);
                        }
                        return;
                    }
                    if (n != 165) {
                        problem.set("encode wrote " + n + " bytes");
                        return;
                    }
                }
            });
            spinMicros(random.nextInt(300));
            encoder.close();
            churnNativeHeap();
            worker.join(10_000);
            assertThat(worker.isAlive()).as("worker ends after close").isFalse();
            if (problem.get() != null) {
                problems.add("round " + round + ": " + problem.get());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void churnNativeHeap() {
        for (int i = 0; i < 4; i++) {
            new OpusDecoder(64, 2).close();
        }
    }

    private static void spinMicros(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
