package org.tutti.backend;

import java.util.List;

/**
 * A kind of audio system (JACK, Java Sound, …), found through {@link java.util.ServiceLoader}. Implementations must
 * be cheap to construct and must never throw from {@link #isAvailable()} (a missing native library means "not
 * available").
 */
public interface AudioBackendProvider {
    /** Short stable name used in settings, e.g. "jack" or "javasound". */
    String name();

    /** True if {@link #open} can be expected to work now (library present, server running, a device exists). */
    boolean isAvailable();

    /** Why {@link #isAvailable()} is false, for the user; empty when available. */
    String unavailableReason();

    /** Like {@link #unavailableReason()}, for a specific device (null for the default one). */
    default String unavailableReason(String deviceName) {
        return unavailableReason();
    }

    /** Devices this backend can open; empty when unavailable. */
    List<AudioDevice> devices();

    /** Opens a stream; it does not run until {@link AudioStream#start()}. */
    AudioStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException;
}
