package org.tutti.backend.portaudio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tutti.backend.portaudio.Inventory.Device;

/**
 * Which host API and device to open. Per platform the lowest-latency host API comes first: ASIO, then WASAPI, then
 * the rest on Windows; CoreAudio on macOS; JACK, then ALSA on Linux. Host APIs not named keep PortAudio's order.
 */
final class HostApiPreference {
    // PortAudio's PaHostApiTypeId values
    static final int DIRECT_SOUND = 1;
    static final int MME = 2;
    static final int ASIO = 3;
    static final int CORE_AUDIO = 5;
    static final int OSS = 7;
    static final int ALSA = 8;
    static final int WDMKS = 11;
    static final int JACK = 12;
    static final int WASAPI = 13;

    /** The output device and, when there is one, the input device of a duplex stream. */
    record Choice(Device output, Device input) {
    }

    private HostApiPreference() {
    }

    static List<Integer> order(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of(ASIO, WASAPI, WDMKS, DIRECT_SOUND, MME);
        }
        if (os.startsWith("mac")) {
            return List.of(CORE_AUDIO);
        }
        return List.of(JACK, ALSA, OSS);
    }

    private static int rank(int hostApiType, List<Integer> order) {
        int i = order.indexOf(hostApiType);
        return i < 0 ? order.size() : i;
    }

    /** Devices that can play, best host API first, each host API's default output device first. */
    static List<Device> playbackDevices(Inventory inventory, String osName) {
        List<Integer> order = order(osName);
        List<Device> list = new ArrayList<>(inventory.devices().stream().filter(d -> d.maxOutputs() > 0).toList());
        list.sort(Comparator.<Device>comparingInt(d -> rank(d.hostApi().type(), order))
                .thenComparingInt(d -> d.hostApi().index())
                .thenComparingInt(d -> d.index() == d.hostApi().defaultOutput() ? 0 : 1)
                .thenComparingInt(Device::index));
        return list;
    }

    /**
     * The device named {@code requested} ("Host API: device" or just the device name, case-insensitive), or the best
     * default when null. The input is the same device when it can record, else its host API's default input.
     */
    static Optional<Choice> choose(Inventory inventory, String requested, String osName) {
        for (Device d : playbackDevices(inventory, osName)) {
            if (requested == null || d.qualifiedName().equalsIgnoreCase(requested) || d.name().equalsIgnoreCase(requested)) {
                Device input = d.maxInputs() > 0 ? d
                        : inventory.device(d.hostApi().defaultInput()).filter(i -> i.maxInputs() > 0).orElse(null);
                return Optional.of(new Choice(d, input));
            }
        }
        return Optional.empty();
    }
}
