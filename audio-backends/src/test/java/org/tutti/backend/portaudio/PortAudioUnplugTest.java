package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.backend.testing.DummyJackd;

/**
 * The device disappears under a running PortAudio stream (its JACK server is stopped): the application hears about
 * it once, with a reason, and close() returns. Runs in a child JVM because PortAudio's JACK host API cannot be
 * re-initialised in a process after its server died (see docs/audio-backends.md).
 */
class PortAudioUnplugTest {
    @Test
    void aVanishingDeviceIsReportedAndNothingCrashes() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        DummyJackd jackd = DummyJackd.start(128);
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    UnplugProbe.class.getName(), jackd.name()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            StringBuilder seen = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.equals("running")) {
                        jackd.close(); // the "device" goes away
                    }
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            System.out.print("unplug probe: " + seen);
            assertThat(seen.toString()).contains("running", "failed: the sound device", "running=false", "closed");
            assertThat(child.exitValue()).as(seen.toString()).isZero();
        } finally {
            jackd.close();
        }
    }
}
