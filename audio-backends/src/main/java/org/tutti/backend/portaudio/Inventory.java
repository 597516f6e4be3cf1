package org.tutti.backend.portaudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A snapshot of PortAudio's host APIs and devices; read while PortAudio is initialised. */
record Inventory(List<HostApi> hostApis, List<Device> devices) {
    /** One host API, e.g. ASIO or JACK; {@code type} is PortAudio's PaHostApiTypeId. */
    record HostApi(int index, int type, String name, int defaultInput, int defaultOutput) {
    }

    /** One device of a host API; latencies in seconds as the driver reports them. */
    record Device(int index, String name, HostApi hostApi, int maxInputs, int maxOutputs, double lowInputLatency,
                  double lowOutputLatency, double defaultSampleRate) {
        /** Unique across host APIs: "JACK Audio Connection Kit: system". */
        String qualifiedName() {
            return hostApi.name() + ": " + name;
        }
    }

    static Inventory read(PortAudioLibrary pa) {
        List<HostApi> apis = new ArrayList<>();
        for (int i = 0; i < pa.Pa_GetHostApiCount(); i++) {
            PortAudioLibrary.HostApiInfo info = new PortAudioLibrary.HostApiInfo(pa.Pa_GetHostApiInfo(i));
            apis.add(new HostApi(i, info.type, info.name, info.defaultInputDevice, info.defaultOutputDevice));
        }
        List<Device> devices = new ArrayList<>();
        for (int d = 0; d < pa.Pa_GetDeviceCount(); d++) {
            PortAudioLibrary.DeviceInfo info = new PortAudioLibrary.DeviceInfo(pa.Pa_GetDeviceInfo(d));
            devices.add(new Device(d, info.name, apis.get(info.hostApi), info.maxInputChannels, info.maxOutputChannels,
                    info.defaultLowInputLatency, info.defaultLowOutputLatency, info.defaultSampleRate));
        }
        return new Inventory(List.copyOf(apis), List.copyOf(devices));
    }

    Optional<Device> device(int index) {
        return index < 0 || index >= devices.size() ? Optional.empty() : Optional.of(devices.get(index));
    }
}
