package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.portaudio.PortAudioBackendProvider;
import org.tutti.interop.DummyJack;
import org.tutti.interop.LatencyProbe;
import org.tutti.interop.Peers;

/**
 * Round trip through a backend that copies its input to its output, measured by jack_iodelay on a dummy jackd
 * (128-frame periods): Tutti's JNAJack backend against PortAudio's JACK host API at several callback sizes. The
 * figures go to docs/audio-backends.md; the test only demands that the signal comes back.
 */
class BackendLoopLatencyTest {
    @TempDir
    Path dir;

    private static final AudioCallback LOOP = (in, out, frames) -> {
        System.arraycopy(in[0], 0, out[0], 0, frames);
        System.arraycopy(in[1], 0, out[1], 0, frames);
    };

    @ParameterizedTest(name = "{0}, {1} frames")
    @CsvSource({"jack, 128", "portaudio, 64", "portaudio, 128", "portaudio, 256"})
    void theSignalComesBackAndTheDelayIsReported(String backend, int frames) throws Exception {
        Peers.require(Peers.JACKD, Peers.JACK_IODELAY);
        try (DummyJack jack = DummyJack.start(dir)) {
            AudioBackendProvider provider;
            String in;
            String out;
            if (backend.equals("jack")) {
                provider = new JackBackendProvider();
                in = "loop:input left";
                out = "loop:output left";
            } else {
                PortAudioBackendProvider.useJackServer(jack.serverName());
                PortAudioClientInteropTest.requirePortAudio();
                provider = new PortAudioBackendProvider();
                in = "loop:in_0";
                out = "loop:out_0";
            }
            AudioRequest request = new AudioRequest("loop", backend.equals("jack") ? jack.serverName() : "system",
                    48_000, frames, false);
            try (AudioStream loop = provider.open(request, LOOP);
                 LatencyProbe probe = LatencyProbe.start(jack, dir)) {
                loop.start();
                probe.connect(in, out);
                double ms = probe.medianMs(8, 15);
                System.out.printf("loop latency %s %d frames on a 128-frame jackd: %.3f ms (%.0f frames)%s%n",
                        backend, frames, ms, ms * 48, loop instanceof org.tutti.backend.portaudio.PortAudioStream p
                                ? String.format(", PortAudio reports %.2f ms in + %.2f ms out",
                                p.inputLatencyMs(), p.outputLatencyMs()) : "");
                assertThat(ms).as("jack_iodelay found its signal").isPositive();
            }
        }
    }
}
