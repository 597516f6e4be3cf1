package org.tutti.client.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;

/** Test helpers for recording at home: a take's WAVs read with the JDK's own reader, cross-correlation, a noise source. */
final class TakeFiles {
    static final int RATE = 48_000;

    private TakeFiles() {
    }

    /** A 16-bit stereo WAV as read by {@link AudioSystem}: its left channel; fails if the JDK cannot parse it. */
    static short[] left(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 2 || f.getSampleSizeInBits() != 16 || f.getSampleRate() != RATE || f.isBigEndian()) {
                throw new IllegalStateException(wav + ": unexpected format " + f);
            }
            byte[] data = in.readAllBytes();
            if (data.length != in.getFrameLength() * 4) {
                throw new IllegalStateException(wav + ": the header promises " + in.getFrameLength()
                        + " frames, the file holds " + data.length / 4);
            }
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            short[] left = new short[data.length / 4];
            for (int i = 0; i < left.length; i++) {
                left[i] = b.getShort(i * 4);
            }
            return left;
        }
    }

    /** Frames the header's data size covers (bytes 40..43 / 4). */
    static long headerFrames(Path wav) throws IOException {
        byte[] h = new byte[44];
        try (var in = Files.newInputStream(wav)) {
            if (in.readNBytes(h, 0, 44) != 44) {
                throw new IOException(wav + " is shorter than a WAV header");
            }
        }
        return (ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getInt(40) & 0xFFFF_FFFFL) / 4;
    }

    /** Normalised cross-correlation of a[from, from+n) with b shifted by each lag in [minLag, maxLag]. */
    static double[] correlation(short[] a, short[] b, int from, int n, int minLag, int maxLag) {
        double energyA = 0;
        for (int i = from; i < from + n; i++) {
            energyA += (double) a[i] * a[i];
        }
        double[] c = new double[maxLag - minLag + 1];
        for (int lag = minLag; lag <= maxLag; lag++) {
            double sum = 0;
            double energyB = 0;
            for (int i = from; i < from + n; i++) {
                double y = b[i + lag];
                sum += a[i] * y;
                energyB += y * y;
            }
            c[lag - minLag] = energyA == 0 || energyB == 0 ? 0 : sum / Math.sqrt(energyA * energyB);
        }
        return c;
    }

    static int argmax(double[] c) {
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] > c[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The largest value of {@code c} further than {@code guard} from index {@code peak}. */
    static double largestAwayFrom(double[] c, int peak, int guard) {
        double m = 0;
        for (int i = 0; i < c.length; i++) {
            if (Math.abs(i - peak) > guard) {
                m = Math.max(m, c[i]);
            }
        }
        return m;
    }

    /**
     * A JACK client {@code name} playing bursts of white noise (30 ms, amplitude 0.3) with pseudo-random gaps of
     * 100–400 ms on both outputs: unlike a sine, it correlates with itself at one lag only.
     */
    static AudioStream noiseBursts(String jackServer, String name) throws AudioBackendException {
        long[] state = {0x9E37_79B9_7F4A_7C15L, 0};          // LCG state, samples left in the current burst/gap
        boolean[] inBurst = {false};
        AudioStream s = new JackBackendProvider().open(new AudioRequest(name, jackServer, RATE, 128, false),
                (in, out, frames) -> {
                    for (int i = 0; i < frames; i++) {
                        state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
                        if (state[1]-- <= 0) {
                            inBurst[0] = !inBurst[0];
                            state[1] = inBurst[0] ? RATE * 30 / 1000 : RATE / 10 + (state[0] >>> 40) % (RATE * 3 / 10);
                        }
                        float v = inBurst[0] ? 0.3f * ((state[0] >>> 11) * 0x1.0p-53f * 2 - 1) : 0f;
                        out[0][i] = v;
                        out[1][i] = v;
                    }
                });
        s.start();
        return s;
    }
}
