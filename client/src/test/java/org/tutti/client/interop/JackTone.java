package org.tutti.client.interop;

import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;

/** In-process JACK clients for interop tests, built on Tutti's own JACK backend: a sine generator and a peak meter. */
public final class JackTone {
    private JackTone() {
    }

    /** A client {@code name} whose two outputs play a 440 Hz sine of the given amplitude. */
    public static AudioStream generator(String jackServer, String name, float amplitude) throws AudioBackendException {
        return generator(jackServer, name, amplitude, 440);
    }

    /** A client {@code name} whose two outputs ("output left", "output right") play a sine of {@code hz}. */
    public static AudioStream generator(String jackServer, String name, float amplitude, double hz)
            throws AudioBackendException {
        double[] phase = new double[1];
        AudioStream s = new JackBackendProvider().open(new AudioRequest(name, jackServer, 48_000, 128, false),
                (in, out, frames) -> {
                    for (int i = 0; i < frames; i++) {
                        float v = (float) (amplitude * Math.sin(phase[0]));
                        phase[0] += 2 * Math.PI * hz / 48_000;
                        out[0][i] = v;
                        out[1][i] = v;
                    }
                    phase[0] %= 2 * Math.PI;
                });
        s.start();
        return s;
    }

    /** Peak of both inputs over the last 100 ms, published from the JACK thread. */
    public static final class PeakMeter implements AutoCloseable {
        private volatile float peak;
        private float running;
        private int frames;
        private AudioStream stream;

        public float peak() {
            return peak;
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    public static PeakMeter meter(String jackServer, String name) throws AudioBackendException {
        PeakMeter m = new PeakMeter();
        m.stream = new JackBackendProvider().open(new AudioRequest(name, jackServer, 48_000, 128, false),
                (in, out, frames) -> {
                    for (int i = 0; i < frames; i++) {
                        m.running = Math.max(m.running, Math.max(Math.abs(in[0][i]), Math.abs(in[1][i])));
                    }
                    m.frames += frames;
                    if (m.frames >= 4800) {
                        m.peak = m.running;
                        m.running = 0;
                        m.frames = 0;
                    }
                });
        m.stream.start();
        return m;
    }
}
