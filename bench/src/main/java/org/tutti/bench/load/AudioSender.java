package org.tutti.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import org.tutti.codec.OpusEncoder;

/**
 * The sending thread: one audio packet per client on an exact schedule (absolute deadlines, start + k × period),
 * cut from one second of pre-encoded Opus frames. Client {@code i} starts {@code i × stagger} after the first so
 * that connections do not all arrive in the same tick. Counts how often it fell behind its own schedule, so a
 * report can tell a starved load generator from a slow server.
 */
final class AudioSender implements Runnable {
    private static final long STAGGER_NANOS = 10_000_000L;

    private final EmulatedClient[] clients;
    private final long periodNanos;
    private final int codedBytes;
    private final byte[][] frames;
    private final ByteBuffer packet;
    private final int[] sequence;
    private volatile boolean running = true;
    private volatile boolean resetMaxLag;
    volatile long lateTicks;
    volatile long maxLagNanos;
    volatile long packetsSent;
    volatile long sendErrors;

    AudioSender(EmulatedClient[] clients, LoadOptions options) {
        this.clients = clients;
        this.periodNanos = options.packetPeriodNanos();
        this.codedBytes = options.codedBytes();
        this.frames = preEncode(options);
        this.packet = ByteBuffer.allocateDirect(codedBytes + 1);
        this.sequence = new int[clients.length];
    }

    /** One second of a two-tone signal (a different phase per frame), encoded as the clients' codec does. */
    private static byte[][] preEncode(LoadOptions options) {
        int frameSamples = options.codec().frameSamples();
        int ch = options.channels();
        int count = 48_000 / frameSamples;
        byte[][] out = new byte[count][options.codedBytes()];
        short[] pcm = new short[frameSamples * ch];
        try (OpusEncoder encoder = new OpusEncoder(frameSamples, ch, options.codedBytes())) {
            for (int f = 0; f < count; f++) {
                for (int i = 0; i < frameSamples; i++) {
                    double t = (f * frameSamples + i) / 48_000.0;
                    short v = (short) (5000 * Math.sin(2 * Math.PI * 330 * t) + 2000 * Math.sin(2 * Math.PI * 1234 * t));
                    for (int c = 0; c < ch; c++) {
                        pcm[i * ch + c] = v;
                    }
                }
                encoder.encode(pcm, 0, out[f], 0);
            }
        }
        return out;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long tick = 0;
        long late = 0;
        long maxLag = 0;
        long sent = 0;
        long errors = 0;
        while (running) {
            long due = start + tick * periodNanos;
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            if (resetMaxLag) {
                resetMaxLag = false;
                maxLag = 0;
            }
            long lag = now - due;
            if (lag > periodNanos) {
                late++;
            }
            maxLag = Math.max(maxLag, lag);
            long elapsed = now - start;
            int started = (int) Math.min(clients.length, elapsed / STAGGER_NANOS + 1);
            for (int i = 0; i < started; i++) {
                EmulatedClient c = clients[i];
                byte[] frame = frames[(int) ((tick + i) % frames.length)];
                packet.clear();
                packet.put(frame, 0, codedBytes);
                if (c.sequenceOn) {
                    packet.put((byte) sequence[i]);
                }
                sequence[i] = (sequence[i] + 1) & 0xFF;
                packet.flip();
                try {
                    c.socket.write(packet);
                    sent++;
                } catch (IOException e) {
                    errors++; // ICMP unreachable while the server is not yet (or no longer) listening
                }
            }
            tick++;
            if ((tick & 63) == 0) {
                lateTicks = late;
                maxLagNanos = maxLag;
                packetsSent = sent;
                sendErrors = errors;
            }
        }
        lateTicks = late;
        maxLagNanos = maxLag;
        packetsSent = sent;
        sendErrors = errors;
    }

    /** Restarts the maximum lag, e.g. at the start of the measured window. */
    void resetMaxLag() {
        resetMaxLag = true;
    }
}
