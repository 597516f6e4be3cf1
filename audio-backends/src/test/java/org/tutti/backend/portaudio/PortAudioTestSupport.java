package org.tutti.backend.portaudio;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.tutti.backend.AudioBackendException;

/** Skips a test when libportaudio2 is missing, unless CI=true, where that is a failure. */
final class PortAudioTestSupport {
    private PortAudioTestSupport() {
    }

    static void requirePortAudio() {
        try {
            PortAudio.library();
        } catch (AudioBackendException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(e.getMessage() + ", and CI=true forbids skipping");
            }
            Assumptions.abort(e.getMessage());
        }
    }
}
