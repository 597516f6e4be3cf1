package org.tutti.backend;

import java.util.Objects;

/**
 * What the application asks a backend for. The backend may grant something else (see {@link AudioFormat}): JACK
 * always follows the server's period, Java Sound may round the buffer up, and a device with fewer channels than
 * asked for gives what it has (never fewer than {@link #CHANNELS} to the callback: a mono device feeds both).
 *
 * @param clientName     name shown to the audio system (JACK client name), not empty
 * @param deviceName     device to open, or null for the default one
 * @param sampleRate     samples per second; Tutti always asks for 48000
 * @param bufferFrames   preferred frames per cycle (64, 128 or 256)
 * @param autoConnect    connect to the system's capture and playback ports (JACK; ignored elsewhere)
 * @param inputChannels  capture channels wanted, {@value #CHANNELS}..{@value #MAX_CHANNELS} (channel mapping and
 *                       several inputs as separate channels need more than two)
 * @param outputChannels playback channels wanted, {@value #CHANNELS}..{@value #MAX_CHANNELS}
 */
public record AudioRequest(String clientName, String deviceName, int sampleRate, int bufferFrames, boolean autoConnect,
                           int inputChannels, int outputChannels) {
    /** Left and right: what every stream gives the callback at least. */
    public static final int CHANNELS = 2;
    /** The most channels of one device Tutti opens (enough for a four-way split of stereo pairs). */
    public static final int MAX_CHANNELS = 8;

    public AudioRequest {
        Objects.requireNonNull(clientName, "clientName");
        if (clientName.isBlank()) {
            throw new IllegalArgumentException("clientName must not be blank");
        }
        if (sampleRate <= 0 || bufferFrames <= 0) {
            throw new IllegalArgumentException("sampleRate and bufferFrames must be positive");
        }
        if (inputChannels < CHANNELS || inputChannels > MAX_CHANNELS
                || outputChannels < CHANNELS || outputChannels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be " + CHANNELS + ".." + MAX_CHANNELS + ", not "
                    + inputChannels + " in, " + outputChannels + " out");
        }
    }

    /** A stereo request (two inputs, two outputs). */
    public AudioRequest(String clientName, String deviceName, int sampleRate, int bufferFrames, boolean autoConnect) {
        this(clientName, deviceName, sampleRate, bufferFrames, autoConnect, CHANNELS, CHANNELS);
    }

    public static AudioRequest of(String clientName, int bufferFrames) {
        return new AudioRequest(clientName, null, 48_000, bufferFrames, true);
    }

    /** The same request for this many capture and playback channels. */
    public AudioRequest withChannels(int inputs, int outputs) {
        return new AudioRequest(clientName, deviceName, sampleRate, bufferFrames, autoConnect, inputs, outputs);
    }
}
