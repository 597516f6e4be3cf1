package org.tutti.backend.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;

/**
 * The Java Sound backend on a real (if virtual) device: ALSA's jack plugin, declared in an .asoundrc (toolchain.md
 * §3), routes Java Sound's playback into a JACK meter client. Java Sound reads its ALSA configuration once per
 * process, so the player runs in a child JVM with its own HOME.
 */
class JavaSoundThroughJackTest {
    @TempDir
    Path home;

    static boolean alsaJackPluginInstalled() throws java.io.IOException {
        try (var dirs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path d : dirs) {
                if (Files.exists(d.resolve("alsa-lib/libasound_module_pcm_jack.so"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void playsThroughAlsaIntoJack() throws Exception {
        boolean plugin = alsaJackPluginInstalled();
        if (!plugin && "true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("the ALSA jack plugin is missing (apt-get install libasound2-plugins)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(plugin, "ALSA jack plugin not installed; skipping");
        try (DummyJackd jackd = DummyJackd.start(256)) {
            java.util.concurrent.atomic.AtomicReference<Float> peak = new java.util.concurrent.atomic.AtomicReference<>(0f);
            AudioStream meter = new JackBackendProvider().open(
                    new AudioRequest("jsmeter", jackd.name(), 48_000, 256, false), (in, out, frames) -> {
                        for (int i = 0; i < frames; i++) {
                            if (Math.abs(in[0][i]) > peak.get()) {
                                peak.set(Math.abs(in[0][i]));
                            }
                        }
                    });
            meter.start();
            Files.writeString(home.resolve(".asoundrc"), """
                    pcm.!default {
                        type plug
                        slave { pcm "tuttijack" }
                    }
                    pcm.tuttijack {
                        type jack
                        playback_ports { 0 "jsmeter:input left" 1 "jsmeter:input right" }
                    }
                    """);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = jackd.clientProcess(List.of(java, "-cp", System.getProperty("java.class.path"),
                    JavaSoundProbe.class.getName(), "1500"));
            pb.environment().put("HOME", home.toString());
            Process p = pb.redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            meter.close();
            assertThat(output).as(output).contains("device: tuttijack [default]").contains("cycles: ");
            long cycles = Long.parseLong(output.replaceAll("(?s).*cycles: (\\d+).*", "$1"));
            assertThat(cycles).as(output).isPositive();
            assertThat(peak.get()).as("tone level at the JACK meter; probe said: " + output).isGreaterThan(0.3f);
        }
    }
}
