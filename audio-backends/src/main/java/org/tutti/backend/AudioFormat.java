package org.tutti.backend;

/**
 * What a backend actually granted.
 *
 * @param sampleRate     samples per second
 * @param bufferFrames   frames per callback cycle
 * @param inputChannels  channels delivered to the callback (Tutti uses 2)
 * @param outputChannels channels taken from the callback (Tutti uses 2)
 */
public record AudioFormat(int sampleRate, int bufferFrames, int inputChannels, int outputChannels) {
    /** Delay of one cycle in milliseconds. */
    public double bufferMs() {
        return bufferFrames * 1000.0 / sampleRate;
    }
}
