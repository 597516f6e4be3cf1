package org.tutti.backend;

/**
 * A device a backend can open.
 *
 * @param name           the name to pass in {@link AudioRequest#deviceName()}
 * @param description    human-readable text
 * @param inputChannels  capture channels, 0 if none
 * @param outputChannels playback channels, 0 if none
 */
public record AudioDevice(String name, String description, int inputChannels, int outputChannels) {
}
