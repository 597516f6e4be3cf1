package org.tutti.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads what plays on a JACK port: records it with jackd2's {@code jack_rec} into a 16-bit WAV file and measures
 * the peak. That keeps the harness free of native JACK bindings.
 */
public final class JackRecorder {
    private JackRecorder() {
    }

    /** Records {@code port} for {@code duration} and returns its samples (mono, 16-bit). */
    public static short[] record(DummyJack jack, String port, Duration duration, Path dir) {
        Path wav = dir.resolve("rec-" + System.nanoTime() + ".wav");
        long seconds = Math.max(1, duration.toSeconds());
        ManagedProcess rec = ManagedProcess.start("jack_rec", List.of("jack_rec", "-f", wav.toString(), "-d",
                Long.toString(seconds), "-b", "16", port), jack.env(), dir.resolve("jack_rec.log"));
        int code = rec.waitFor(seconds + 10);
        rec.close();
        if (code != 0 || !Files.exists(wav)) {
            throw new IllegalStateException("jack_rec of " + port + " failed (" + code + "):\n" + rec.logText());
        }
        return readWav16(wav);
    }

    /**
     * Records several ports at once, in one jack_rec process (so every port sees the same stretch of time), and
     * returns one array of samples per port, in the order given.
     */
    public static short[][] recordAll(DummyJack jack, List<String> ports, Duration duration, Path dir) {
        Path wav = dir.resolve("rec-" + System.nanoTime() + ".wav");
        long seconds = Math.max(1, duration.toSeconds());
        List<String> command = new java.util.ArrayList<>(List.of("jack_rec", "-f", wav.toString(), "-d",
                Long.toString(seconds), "-b", "16"));
        command.addAll(ports);
        ManagedProcess rec = ManagedProcess.start("jack_rec", command, jack.env(), dir.resolve("jack_rec.log"));
        int code = rec.waitFor(seconds + 10);
        rec.close();
        if (code != 0 || !Files.exists(wav)) {
            throw new IllegalStateException("jack_rec of " + ports + " failed (" + code + "):\n" + rec.logText());
        }
        short[] interleaved = readWav16(wav);
        int channels = ports.size();
        short[][] out = new short[channels][interleaved.length / channels];
        for (int i = 0; i < out[0].length; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = interleaved[i * channels + c];
            }
        }
        return out;
    }

    /** Peak absolute value (0..32768) of what plays on {@code port} during {@code duration}. */
    public static int peak(DummyJack jack, String port, Duration duration, Path dir) {
        return peak(record(jack, port, duration, dir));
    }

    public static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs((int) s));
        }
        return peak;
    }

    /** Samples of a 16-bit PCM WAV file, interleaved (finds the "data" chunk, so extra chunks are fine). */
    static short[] readWav16(Path wav) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
            b.position(12);
            while (b.remaining() >= 8) {
                String id = new String(new byte[] {b.get(), b.get(), b.get(), b.get()}, java.nio.charset.StandardCharsets.US_ASCII);
                int size = b.getInt();
                if (id.equals("data")) {
                    short[] samples = new short[Math.min(size, b.remaining()) / 2];
                    b.asShortBuffer().get(samples);
                    return samples;
                }
                b.position(b.position() + size + (size & 1));
            }
            throw new IllegalStateException("no data chunk in " + wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
