package org.tutti.backend;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How Tutti picks its audio backend ({@code --audiobackend}, {@code --audiodevice}): a backend asked for by name must
 * work, or the reason is reported; otherwise the best available one is used, in {@link #AUTO_ORDER}: JACK when a
 * JACK server is running, else PortAudio (ASIO/WASAPI, CoreAudio, ALSA), else Java Sound.
 */
public final class BackendChoice {
    public static final List<String> AUTO_ORDER = List.of("jack", "portaudio", "javasound");

    private BackendChoice() {
    }

    /**
     * The backend {@code name}, or the best available one when {@code name} is null or blank. {@code device} (null
     * for the default) is checked on each candidate.
     *
     * @throws AudioBackendException naming the reason: unknown backend, backend unavailable, or none available
     */
    public static AudioBackendProvider choose(String name, String device) throws AudioBackendException {
        if (name != null && !name.isBlank()) {
            AudioBackendProvider p = AudioBackends.byName(name).orElseThrow(() -> new AudioBackendException(
                    "unknown audio backend '" + name + "' (installed: " + installedNames() + ")"));
            String why = p.unavailableReason(device);
            if (!why.isEmpty()) {
                throw new AudioBackendException("audio backend '" + p.name() + "' is not available: " + why);
            }
            return p;
        }
        Optional<AudioBackendProvider> best = AudioBackends.choose(null, device, AUTO_ORDER);
        if (best.isPresent()) {
            return best.get();
        }
        throw new AudioBackendException("no audio backend is available: " + AUTO_ORDER.stream()
                .flatMap(n -> AudioBackends.byName(n).stream())
                .map(p -> p.name() + ": " + p.unavailableReason(device))
                .collect(Collectors.joining("; ")));
    }

    public static boolean isInstalled(String name) {
        return AudioBackends.byName(name).isPresent();
    }

    public static String installedNames() {
        return AudioBackends.all().stream().map(AudioBackendProvider::name).collect(Collectors.joining(", "));
    }

    /** For {@code --help}: every backend of {@link #AUTO_ORDER}, with its devices or the reason it cannot be used. */
    public static String describe() {
        StringBuilder sb = new StringBuilder("Audio backends on this machine (--audiobackend, first available is"
                + " the default):\n");
        for (String name : AUTO_ORDER) {
            Optional<AudioBackendProvider> p = AudioBackends.byName(name);
            String line;
            try {
                String why = p.map(AudioBackendProvider::unavailableReason).orElse("not installed in this build");
                line = why.isEmpty() ? "available; devices (--audiodevice): " + p.get().devices().stream()
                        .map(AudioDevice::name).collect(Collectors.joining(", "))
                        : "not available: " + why;
            } catch (RuntimeException | LinkageError e) {
                line = "not available: " + e.getMessage();
            }
            sb.append(String.format("  %-10s %s%n", name, line));
        }
        return sb.toString();
    }
}
