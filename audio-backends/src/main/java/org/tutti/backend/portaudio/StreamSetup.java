package org.tutti.backend.portaudio;

/**
 * What {@link PortAudioOpener} settled on for one stream.
 *
 * @param hostApiType    PortAudio's PaHostApiTypeId of the device
 * @param description    "JACK Audio Connection Kit: system", for messages
 * @param sampleRate     the device's rate: 48000, or another one that Tutti resamples
 * @param deviceFrames   frames per PortAudio callback
 * @param inputChannels  0 (no capture device), 1..8: what the device opened
 * @param outputChannels 1..8
 */
record StreamSetup(int hostApiType, String description, int sampleRate, int deviceFrames, int inputChannels,
                   int outputChannels) {
}
