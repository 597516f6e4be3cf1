package org.tutti.backend.portaudio;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.List;
import java.util.stream.Collectors;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;

/**
 * PortAudio through JNA: ASIO and WASAPI on Windows, CoreAudio on macOS, JACK and ALSA on Linux (see
 * {@link HostApiPreference}). Device names are "Host API: device" (or just the device name). Unavailable, with the
 * reason, when the library is missing or offers no playback device.
 */
public final class PortAudioBackendProvider implements AudioBackendProvider {
    public static final String NAME = "portaudio";

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return unavailableReason(null);
    }

    @Override
    public String unavailableReason(String deviceName) {
        Inventory inventory;
        try {
            inventory = PortAudio.inventory();
        } catch (AudioBackendException | RuntimeException | LinkageError e) {
            return e.getMessage();
        }
        if (HostApiPreference.choose(inventory, deviceName, os()).isPresent()) {
            return "";
        }
        String apis = inventory.hostApis().stream()
                .map(a -> a.name() + " " + inventory.devices().stream().filter(d -> d.hostApi() == a).count())
                .collect(Collectors.joining(", "));
        return (deviceName == null ? "PortAudio found no playback device"
                : "PortAudio has no playback device named '" + deviceName + "'") + " (devices per host API: " + apis + ")";
    }

    @Override
    public List<AudioDevice> devices() {
        try {
            return HostApiPreference.playbackDevices(PortAudio.inventory(), os()).stream()
                    .map(d -> new AudioDevice(d.qualifiedName(), String.format("%s, %d in / %d out, %.0f Hz, %.1f ms",
                            d.qualifiedName(), d.maxInputs(), d.maxOutputs(), d.defaultSampleRate(),
                            d.lowOutputLatency() * 1000), Math.min(AudioRequest.MAX_CHANNELS, d.maxInputs()),
                            Math.min(AudioRequest.MAX_CHANNELS, d.maxOutputs())))
                    .toList();
        } catch (AudioBackendException | RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    @Override
    public AudioStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
        return PortAudioOpener.open(request, callback, os());
    }

    /**
     * Points PortAudio's JACK host API at the named JACK server (it reads JACK_DEFAULT_SERVER from the process
     * environment when PortAudio initialises). For tests and for users with several JACK servers; Unix only.
     */
    public static void useJackServer(String serverName) {
        if (!Platform.isWindows() && serverName != null && !serverName.isBlank()) {
            Native.load("c", LibC.class).setenv("JACK_DEFAULT_SERVER", serverName, 1);
        }
    }

    private static String os() {
        return System.getProperty("os.name", "");
    }
}
