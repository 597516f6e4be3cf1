package org.tutti.client.engine;

/**
 * The client's jitter buffer for coded frames from the server, owned by the audio thread (no locks). Frames are
 * placed by sequence number (u8 on the wire, unwrapped here); without sequence numbers the arrival order is used.
 * Playback starts once {@code target} frames are buffered, and restarts after an outage. A missing frame is reported
 * as lost so the decoder conceals it. Counters replace logging.
 */
final class ReceiveJitterBuffer {
    static final int CAPACITY = 256;
    private final byte[][] frames;
    private final int[] lengths = new int[CAPACITY];
    private final long[] stamps = new long[CAPACITY];
    private int target;
    private boolean receivedAny;
    private boolean started;
    private long latest;
    private long firstSeen;
    private long nextRead;
    private long arrivals;
    // counters
    long lost;
    long late;
    long skipped;
    long underruns;

    ReceiveJitterBuffer(int maxFrameBytes, int target) {
        frames = new byte[CAPACITY][maxFrameBytes];
        java.util.Arrays.fill(stamps, Long.MIN_VALUE);
        setTarget(target);
    }

    void setTarget(int blocks) {
        target = Math.max(1, Math.min(20, blocks));
    }

    int target() {
        return target;
    }

    /** Stores one coded frame; {@code seq} is the wire's u8 sequence byte, or -1 when the stream has none. */
    void put(byte[] data, int offset, int length, int seq) {
        long abs;
        if (seq < 0) {
            abs = arrivals;
        } else if (!receivedAny) {
            abs = seq;
        } else {
            abs = latest + (byte) (seq - (int) (latest & 0xFF)); // signed 8-bit distance from the newest frame
        }
        arrivals++;
        if (!receivedAny) {
            receivedAny = true;
            latest = abs;
            firstSeen = abs;
        } else if (abs > latest) {
            latest = abs;
            if (!started && abs < firstSeen) {
                firstSeen = abs;
            }
        }
        if (started && abs < nextRead) {
            late++;
            return;
        }
        int i = (int) (abs & (CAPACITY - 1));
        int n = Math.min(length, frames[i].length);
        System.arraycopy(data, offset, frames[i], 0, n);
        lengths[i] = n;
        stamps[i] = abs;
    }

    /**
     * Takes the next frame for playback into {@code into}.
     *
     * @return its length; 0 when the frame is lost (conceal it); -1 while not playing yet (output silence)
     */
    int take(byte[] into) {
        if (!started) {
            if (!receivedAny || latest - firstSeen + 1 < target) {
                return -1;
            }
            started = true;
            nextRead = latest - target + 1;
        }
        if (nextRead - latest > target) {
            underruns++; // nothing arrived for a while: buffer afresh from the next arrival
            started = false;
            firstSeen = latest + 1;
            return -1;
        }
        if (latest - nextRead >= 2L * target + 2) {
            skipped += latest - target + 1 - nextRead; // too much delay piled up: drop the oldest
            nextRead = latest - target + 1;
        }
        int i = (int) (nextRead & (CAPACITY - 1));
        int result;
        if (stamps[i] == nextRead) {
            result = lengths[i];
            System.arraycopy(frames[i], 0, into, 0, result);
        } else {
            lost++;
            result = 0;
        }
        nextRead++;
        return result;
    }

    /** Frames buffered ahead of the read position. */
    long level() {
        return started ? latest - nextRead + 1 : 0;
    }

    void reset() {
        receivedAny = false;
        started = false;
        arrivals = 0;
        java.util.Arrays.fill(stamps, Long.MIN_VALUE);
    }
}
