package org.tutti.client.ui.settings;

import java.util.ArrayList;
import java.util.List;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioBackends;
import org.tutti.backend.AudioDevice;
import org.tutti.client.ui.I18n;

/**
 * What the settings dialog lists about one audio backend. Probing may load native libraries or talk to a sound
 * server, so {@link #probeAll()} runs off the EDT.
 */
public record BackendInfo(String name, boolean available, String unavailableReason, List<String> devices) {

    public static List<BackendInfo> probeAll() {
        List<BackendInfo> list = new ArrayList<>();
        for (AudioBackendProvider p : AudioBackends.all()) {
            try {
                boolean ok = p.isAvailable();
                List<String> devices = ok ? p.devices().stream().map(AudioDevice::name).toList() : List.of();
                list.add(new BackendInfo(p.name(), ok, ok ? "" : p.unavailableReason(), devices));
            } catch (RuntimeException | LinkageError e) {
                list.add(new BackendInfo(p.name(), false, String.valueOf(e.getMessage()), List.of()));
            }
        }
        return list;
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
