package org.tutti.backend.portaudio;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.Optional;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.portaudio.Inventory.Device;

/**
 * The driver's own setup window (an ASIO driver's control panel, where its buffer size and inputs are set), as
 * Jamulus's "ASIO Device Settings" button opens it. PortAudio offers {@code PaAsio_ShowControlPanel} only in builds
 * with the ASIO host API (Windows, self-built); it is looked up by name, so a build without it means no button.
 */
public final class DriverSetup {
    static final String SYMBOL = "PaAsio_ShowControlPanel";

    private DriverSetup() {
    }

    /** The rule: a device of the ASIO host API, and a PortAudio build that has the entry point. */
    static boolean offered(int hostApiType, boolean symbolPresent) {
        return hostApiType == HostApiPreference.ASIO && symbolPresent;
    }

    /** Whether this PortAudio build has the control-panel entry point; false when PortAudio is missing. */
    public static boolean symbolPresent() {
        try {
            PortAudio.library();
        } catch (AudioBackendException | LinkageError e) {
            return false;
        }
        return PortAudio.optionalFunction(SYMBOL) != null;
    }

    /** Whether the device named as in the device list (null: the default one) has a setup window to open. */
    public static boolean available(String deviceName) {
        if (!symbolPresent()) {
            return false;
        }
        try {
            return device(deviceName).map(d -> offered(d.hostApi().type(), true)).orElse(false);
        } catch (AudioBackendException | RuntimeException e) {
            return false;
        }
    }

    /** Opens the driver's setup window (modal on Windows: returns once the user closes it). */
    public static void show(String deviceName) throws AudioBackendException {
        Function f = PortAudio.optionalFunction(SYMBOL);
        Device d = device(deviceName).orElseThrow(() -> new AudioBackendException("no device " + deviceName));
        if (f == null || !offered(d.hostApi().type(), true)) {
            throw new AudioBackendException(d.qualifiedName() + " has no driver setup window");
        }
        synchronized (PortAudio.class) {
            PortAudio.initialize(null);
            try {
                PortAudio.check(f.invokeInt(new Object[] {d.index(), Pointer.NULL}), "the driver setup did not open");
            } finally {
                PortAudio.terminate();
            }
        }
    }

    private static Optional<Device> device(String deviceName) throws AudioBackendException {
        Inventory inventory = PortAudio.inventory();
        return HostApiPreference.choose(inventory, deviceName, System.getProperty("os.name", ""))
                .map(HostApiPreference.Choice::output);
    }
}
