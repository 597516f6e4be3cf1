package org.tutti.backend.portaudio;

import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.BackendChoice;

/** Child process for {@link MissingLibraryTest}: what the backend says when its native library cannot be loaded. */
public final class MissingLibraryProbe {
    private MissingLibraryProbe() {
    }

    public static void main(String[] args) {
        PortAudioBackendProvider p = new PortAudioBackendProvider();
        System.out.println("available=" + p.isAvailable());
        System.out.println("reason=" + p.unavailableReason());
        System.out.println("devices=" + p.devices().size());
        try {
            p.open(AudioRequest.of("t", 128), (in, out, n) -> { });
            System.out.println("opened");
        } catch (AudioBackendException e) {
            System.out.println("open=" + e.getMessage());
        }
        System.out.print(BackendChoice.describe());
    }
}
