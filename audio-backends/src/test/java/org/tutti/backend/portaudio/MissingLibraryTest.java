package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the native library the backend is simply unavailable, with the reason, everywhere it shows. Runs in a child
 * JVM pointed at a library that does not exist, since a loaded library stays loaded.
 */
class MissingLibraryTest {
    @Test
    void aMissingLibraryMakesTheBackendUnavailableWithTheReason() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-D" + PortAudio.LIBRARY_PROPERTY + "=libnosuchportaudio.so.9",
                "-cp", System.getProperty("java.class.path"), MissingLibraryProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        String reason = "PortAudio library not found (tried libnosuchportaudio.so.9)";
        assertThat(out).contains("available=false", "reason=" + reason, "devices=0", "open=" + reason);
        assertThat(out).containsPattern("portaudio +not available: PortAudio library not found");
    }
}
