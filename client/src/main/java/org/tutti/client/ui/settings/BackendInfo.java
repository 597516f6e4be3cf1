package org.tutti.client.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioBackends;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.portaudio.DriverSetup;
import org.tutti.backend.portaudio.PortAudioBackendProvider;
import org.tutti.client.ui.I18n;

/**
 * What the settings dialog lists about one audio backend. Probing may load native libraries or talk to a sound
 * server, so {@link #probeAll()} runs off the EDT.
 */
public record BackendInfo(String name, boolean available, String unavailableReason, List<String> devices,
                          List<AudioDevice> details, Set<String> driverSetupDevices) {
    /** Devices known by name only (no channel counts, no driver setup window). */
    public BackendInfo(String name, boolean available, String unavailableReason, List<String> devices) {
        this(name, available, unavailableReason, devices, List.of(), Set.of());
    }

    /** The device's channel counts as the backend listed them, if it did. */
    public Optional<AudioDevice> device(String deviceName) {
        return details.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    /** Whether the device has a driver setup window (an ASIO device in a PortAudio build with ASIO). */
    public boolean hasDriverSetup(String deviceName) {
        return deviceName != null && driverSetupDevices.contains(deviceName);
    }

    public static List<BackendInfo> probeAll() {
        List<BackendInfo> list = new ArrayList<>();
        for (AudioBackendProvider p : AudioBackends.all()) {
            try {
                boolean ok = p.isAvailable();
                List<AudioDevice> details = ok ? p.devices() : List.of();
                List<String> devices = details.stream().map(AudioDevice::name).toList();
                list.add(new BackendInfo(p.name(), ok, ok ? "" : p.unavailableReason(), devices, details,
                        driverSetupDevices(p, devices)));
            } catch (RuntimeException | LinkageError e) {
                list.add(new BackendInfo(p.name(), false, String.valueOf(e.getMessage()), List.of()));
            }
        }
        return list;
    }

    // Only PortAudio builds with ASIO have a setup window; the symbol is checked once before any device is.
    private static Set<String> driverSetupDevices(AudioBackendProvider p, List<String> devices) {
        if (!PortAudioBackendProvider.NAME.equals(p.name()) || !DriverSetup.symbolPresent()) {
            return Set.of();
        }
        return devices.stream().filter(DriverSetup::available).collect(Collectors.toUnmodifiableSet());
    }

    /** True when at least one backend can open a device. */
    public static boolean anyUsable(List<BackendInfo> list) {
        return list.stream().anyMatch(BackendInfo::available);
    }

    /** One line explaining why no backend works, for the main window's warning. */
    public static String whyNone(List<BackendInfo> list) {
        if (list.isEmpty()) {
            return I18n.tr("audio.noBackends");
        }
        StringBuilder sb = new StringBuilder();
        for (BackendInfo b : list) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(b.name()).append(": ").append(b.unavailableReason());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return available ? name : I18n.tr("settings.backend.unavailable", name);
    }
}
