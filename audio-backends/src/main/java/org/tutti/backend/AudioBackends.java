package org.tutti.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the installed backends. */
public final class AudioBackends {
    private AudioBackends() {
    }

    /** All providers on the class path, in ServiceLoader order. */
    public static List<AudioBackendProvider> all() {
        List<AudioBackendProvider> list = new ArrayList<>();
        ServiceLoader.load(AudioBackendProvider.class, AudioBackends.class.getClassLoader()).forEach(list::add);
        return list;
    }

    public static Optional<AudioBackendProvider> byName(String name) {
        return all().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The provider named {@code preferred} if available, else the first available one in {@code order}. */
    public static Optional<AudioBackendProvider> choose(String preferred, List<String> order) {
        return choose(preferred, null, order);
    }

    /** As {@link #choose(String, List)}, checking {@code device} (null for the default) on each candidate. */
    public static Optional<AudioBackendProvider> choose(String preferred, String device, List<String> order) {
        List<String> names = new ArrayList<>();
        if (preferred != null) {
            names.add(preferred);
        }
        names.addAll(order);
        for (String name : names) {
            Optional<AudioBackendProvider> p = byName(name);
            if (p.isPresent() && p.get().unavailableReason(device).isEmpty()) {
                return p;
            }
        }
        return Optional.empty();
    }
}
