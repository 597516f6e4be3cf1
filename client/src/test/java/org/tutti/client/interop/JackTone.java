package org.tutti.client.interop;

import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;

/** JACK helpers for interop tests: a sine generator client and a peak-measuring listener client. */
public final class JackTone {
    private JackTone() {
    }

    /** A client "{name}" whose two outputs play a 440 Hz sine of the given amplitude. */
    public static AudioStream generator(DummyJackd jackd, String name, float amplitude) throws AudioBackendException {
        double[] phase = new double[1];
        AudioStream s = new JackBackendProvider().open(new AudioRequest(name, jackd.name(), 48_000, 128, false),
                (in, out, frames) -> {
                    for (int i = 0; i < frames; i++) {
                        float v = (float) (amplitude * Math.sin(phase[0]));
                        phase[0] += 2 * Math.PI * 440 / 48_000;
                        out[0][i] = v;
                        out[1][i] = v;
                    }
                    phase[0] %= 2 * Math.PI;
                });
        s.start();
        return s;
    }

    /** Peak of the left input over the last ~100 ms, updated on the JACK thread. */
    public static final class PeakMeter {
        private volatile float peak;
        private float running;
        private int frames;
        private AudioStream stream;

        public float peak() {
            return peak;
        }

        public AudioStream stream() {
            return stream;
        }
    }

    public static PeakMeter meter(DummyJackd jackd, String name) throws AudioBackendException {
        PeakMeter m = new PeakMeter();
        m.stream = new JackBackendProvider().open(new AudioRequest(name, jackd.name(), 48_000, 128, false),
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
