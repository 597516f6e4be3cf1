package org.tutti.backend.javasound;

import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;

/**
 * Java Sound lines driven by one maximum-priority I/O thread: read a cycle from the capture line (which paces the
 * loop), process, write to the playback line (which paces it when there is no capture line).
 */
final class JavaSoundStream implements AudioStream {
    static final AudioFormat FORMAT = new AudioFormat(48_000f, 16, 2, true, false);
    private static final int BYTES_PER_FRAME = 4;

    private final SourceDataLine playback;
    private final TargetDataLine capture;
    private final AudioCallback callback;
    private final org.tutti.backend.AudioFormat format;
    private final float[][] in;
    private final float[][] out;
    private final byte[] inBytes;
    private final byte[] outBytes;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile long cycles;

    private JavaSoundStream(SourceDataLine playback, TargetDataLine capture, AudioCallback callback, int frames) {
        this.playback = playback;
        this.capture = capture;
        this.callback = callback;
        this.format = new org.tutti.backend.AudioFormat(48_000, frames, 2, 2);
        in = new float[2][frames];
        out = new float[2][frames];
        inBytes = new byte[frames * BYTES_PER_FRAME];
        outBytes = new byte[frames * BYTES_PER_FRAME];
    }

    static JavaSoundStream open(Mixer mixer, AudioRequest request, AudioCallback callback) throws AudioBackendException {
        int frames = request.bufferFrames();
        SourceDataLine playback;
        try {
            playback = (SourceDataLine) mixer.getLine(new DataLine.Info(SourceDataLine.class, FORMAT));
            openSmallest(playback, frames);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioBackendException("the sound device '" + mixer.getMixerInfo().getName()
                    + "' refuses 48 kHz 16-bit stereo playback: " + e.getMessage(), e);
        }
        TargetDataLine capture = null;
        try {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
            if (mixer.isLineSupported(info)) {
                capture = (TargetDataLine) mixer.getLine(info);
                openSmallest(capture, frames);
            }
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            capture = null; // playback only: the musician can still listen
        }
        return new JavaSoundStream(playback, capture, callback, frames);
    }

    // The smallest line buffer the device accepts, starting at two cycles (one playing, one being written).
    private static void openSmallest(DataLine line, int frames) throws LineUnavailableException {
        LineUnavailableException last = null;
        for (int cycles = 2; cycles <= 32; cycles *= 2) {
            try {
                if (line instanceof SourceDataLine s) {
                    s.open(FORMAT, cycles * frames * BYTES_PER_FRAME);
                } else {
                    ((TargetDataLine) line).open(FORMAT, cycles * frames * BYTES_PER_FRAME);
                }
                return;
            } catch (LineUnavailableException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public org.tutti.backend.AudioFormat format() {
        return format;
    }

    @Override
    public synchronized void start() throws AudioBackendException {
        if (closed) {
            throw new AudioBackendException("the sound device is closed");
        }
        if (running) {
            return;
        }
        running = true;
        playback.start();
        if (capture != null) {
            capture.start();
        }
        Thread t = new Thread(this::loop, "tutti-javasound-io");
        t.setPriority(Thread.MAX_PRIORITY);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        int frames = format.bufferFrames();
        try {
            while (running) {
                if (capture != null) {
                    readFully(frames);
                } else {
                    Arrays.fill(in[0], 0f);
                    Arrays.fill(in[1], 0f);
                }
                Arrays.fill(out[0], 0f);
                Arrays.fill(out[1], 0f);
                callback.process(in, out, frames);
                toBytes(frames);
                int written = playback.write(outBytes, 0, outBytes.length);
                if (written < outBytes.length && running) {
                    throw new IllegalStateException("the playback line closed");
                }
                cycles++;
            }
        } catch (RuntimeException e) {
            if (running && !closed) {
                running = false;
                callback.streamFailed("sound device stopped: " + e.getMessage());
            }
        }
    }

    private void readFully(int frames) {
        int got = 0;
        while (got < inBytes.length && running) {
            int n = capture.read(inBytes, got, inBytes.length - got);
            if (n <= 0 && !capture.isOpen()) {
                throw new IllegalStateException("the capture line closed");
            }
            got += n;
        }
        for (int i = 0; i < frames; i++) {
            int b = i * BYTES_PER_FRAME;
            in[0][i] = (short) ((inBytes[b] & 0xFF) | (inBytes[b + 1] << 8)) / 32768f;
            in[1][i] = (short) ((inBytes[b + 2] & 0xFF) | (inBytes[b + 3] << 8)) / 32768f;
        }
    }

    private void toBytes(int frames) {
        for (int i = 0; i < frames; i++) {
            int l = toShort(out[0][i]);
            int r = toShort(out[1][i]);
            int b = i * BYTES_PER_FRAME;
            outBytes[b] = (byte) l;
            outBytes[b + 1] = (byte) (l >> 8);
            outBytes[b + 2] = (byte) r;
            outBytes[b + 3] = (byte) (r >> 8);
        }
    }

    static int toShort(float v) {
        float s = v * 32767f;
        return s >= 32767f ? 32767 : s <= -32768f ? -32768 : (int) s;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (capture != null) {
            capture.stop(); // releases a blocked read
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        playback.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public long cycles() {
        return cycles;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            stop();
            closed = true;
            playback.close();
            if (capture != null) {
                capture.close();
            }
        }
    }
}
