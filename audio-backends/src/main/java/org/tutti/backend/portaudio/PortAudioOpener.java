package org.tutti.backend.portaudio;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.portaudio.HostApiPreference.Choice;
import org.tutti.backend.portaudio.Inventory.Device;

/**
 * Opens a duplex stream: picks the device, asks for 48 kHz and, when the device refuses, for its own rate (then the
 * stream resamples). On WASAPI it asks for exclusive mode first. Holds one Pa_Initialize for the stream's life.
 */
final class PortAudioOpener {
    private static final long PAFRAMES_PER_BUFFER_UNSPECIFIED = 0;
    private PortAudioOpener() {
    }

    static PortAudioStream open(AudioRequest request, AudioCallback callback, String osName)
            throws AudioBackendException {
        synchronized (PortAudio.class) {
            PortAudio.initialize(request.clientName());
            try {
                return openInitialised(PortAudio.library(), request, callback, osName);
            } catch (AudioBackendException | RuntimeException e) {
                PortAudio.terminate();
                throw e;
            }
        }
    }

    private static PortAudioStream openInitialised(PortAudioLibrary pa, AudioRequest request, AudioCallback callback,
                                                   String osName) throws AudioBackendException {
        Inventory inventory = Inventory.read(pa);
        Choice choice = HostApiPreference.choose(inventory, request.deviceName(), osName)
                .orElseThrow(() -> new AudioBackendException(request.deviceName() == null
                        ? "PortAudio found no playback device"
                        : "PortAudio has no playback device named '" + request.deviceName() + "'"));
        Device outDev = choice.output();
        Device inDev = choice.input();
        String description = outDev.qualifiedName()
                + (inDev == null ? " (no capture)" : inDev == outDev ? "" : " + " + inDev.name());
        boolean wasapi = outDev.hostApi().type() == HostApiPreference.WASAPI;
        for (boolean exclusive : wasapi ? new boolean[] {true, false} : new boolean[] {false}) {
            Pointer extra = exclusive ? new WasapiStreamInfo().getPointer() : null;
            PortAudioLibrary.StreamParameters out = new PortAudioLibrary.StreamParameters(outDev.index(),
                    channels(request.outputChannels(), outDev.maxOutputs()), outDev.lowOutputLatency(), extra);
            PortAudioLibrary.StreamParameters in = inDev == null ? null : new PortAudioLibrary.StreamParameters(
                    inDev.index(), channels(request.inputChannels(), inDev.maxInputs()), inDev.lowInputLatency(), extra);
            Integer rate = supportedRate(pa, in, out, outDev);
            if (rate == null) {
                continue;
            }
            int frames = rate == PortAudioStream.APP_RATE ? request.bufferFrames()
                    : (int) Math.round(request.bufferFrames() * (double) rate / PortAudioStream.APP_RATE);
            // When the cycle asked for is JACK's period, PortAudio can hand JACK's buffers straight through; a fixed
            // size makes its buffer processor add one cycle of latency even when the sizes agree.
            long nativeFrames = outDev.hostApi().type() == HostApiPreference.JACK && rate == PortAudioStream.APP_RATE
                    && JackPeriod.frames() == frames ? PAFRAMES_PER_BUFFER_UNSPECIFIED : frames;
            StreamSetup setup = new StreamSetup(outDev.hostApi().type(),
                    description + (exclusive ? " (exclusive)" : ""), rate, frames,
                    in == null ? 0 : in.channelCount, out.channelCount);
            PortAudioStream stream = new PortAudioStream(pa, setup, request.bufferFrames(),
                    Math.max(AudioRequest.CHANNELS, in == null ? 0 : in.channelCount),
                    Math.max(AudioRequest.CHANNELS, out.channelCount), callback);
            PointerByReference handle = new PointerByReference();
            int err = pa.Pa_OpenStream(handle, in, out, rate, new NativeLong(nativeFrames),
                    new NativeLong(PortAudioLibrary.paDitherOff), stream.nativeCallback(), null);
            if (err < 0) {
                if (exclusive) {
                    continue;
                }
                throw new AudioBackendException("PortAudio could not open " + description + ": "
                        + pa.Pa_GetErrorText(err));
            }
            stream.opened(handle.getValue());
            return stream;
        }
        throw new AudioBackendException(description + " supports neither 48000 Hz nor its own default rate");
    }

    // As many as asked for, but no more than the device has (a mono device opens one channel and feeds both sides).
    static int channels(int requested, int deviceMax) {
        return Math.max(1, Math.min(requested, deviceMax));
    }

    // 48 kHz if the device takes it, else the device's default rate, else 44.1 kHz; null if none is accepted.
    private static Integer supportedRate(PortAudioLibrary pa, PortAudioLibrary.StreamParameters in,
                                         PortAudioLibrary.StreamParameters out, Device outDev) {
        Set<Integer> rates = new LinkedHashSet<>();
        rates.add(PortAudioStream.APP_RATE);
        rates.add((int) Math.round(outDev.defaultSampleRate()));
        rates.add(44_100);
        for (int rate : rates) {
            if (rate > 0 && pa.Pa_IsFormatSupported(in, out, rate) == PortAudioLibrary.paNoError) {
                return rate;
            }
        }
        return null;
    }
}
