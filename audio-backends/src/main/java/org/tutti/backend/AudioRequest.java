package org.tutti.backend;

import java.util.Objects;

/**
 * What the application asks a backend for. The backend may grant something else (see {@link AudioFormat}): JACK
 * always follows the server's period, Java Sound may round the buffer up.
 *
 * @param clientName   name shown to the audio system (JACK client name), not empty
 * @param deviceName   device to open, or null for the default one
 * @param sampleRate   samples per second; Tutti always asks for 48000
 * @param bufferFrames preferred frames per cycle (64, 128 or 256)
 * @param autoConnect  connect to the system's capture and playback ports (JACK; ignored elsewhere)
 */
public record AudioRequest(String clientName, String deviceName, int sampleRate, int bufferFrames, boolean autoConnect) {
    public static final int CHANNELS = 2;

    public AudioRequest {
        Objects.requireNonNull(clientName, "clientName");
        if (clientName.isBlank()) {
            throw new IllegalArgumentException("clientName must not be blank");
        }
        if (sampleRate <= 0 || bufferFrames <= 0) {
            throw new IllegalArgumentException("sampleRate and bufferFrames must be positive");
        }
    }

    public static AudioRequest of(String clientName, int bufferFrames) {
        return new AudioRequest(clientName, null, 48_000, bufferFrames, true);
    }
}
