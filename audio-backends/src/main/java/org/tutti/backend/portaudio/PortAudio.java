package org.tutti.backend.portaudio;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.NativeChatter;

/**
 * Loads the PortAudio library once and serialises every non-real-time call (PortAudio is not thread-safe). Each open
 * stream holds one {@code Pa_Initialize}; a device listing takes its own, so the list is fresh whenever no stream is
 * open (PortAudio only scans devices on the first initialisation).
 */
final class PortAudio {
    /** Overrides the library to load (a file path or a name), e.g. a self-built ASIO-enabled portaudio_x64.dll. */
    static final String LIBRARY_PROPERTY = "tutti.portaudio.library";

    private static PortAudioLibrary library;
    private static NativeLibrary nativeLibrary;
    private static String loadFailure;
    private static Memory jackClientName; // PortAudio keeps the pointer, so the memory must live on

    private PortAudio() {
    }

    /** The library, or an exception whose message says why it cannot be loaded. */
    static synchronized PortAudioLibrary library() throws AudioBackendException {
        if (library == null && loadFailure == null) {
            load();
        }
        if (library == null) {
            throw new AudioBackendException(loadFailure);
        }
        return library;
    }

    private static void load() {
        NativeChatter.quiet();
        List<String> tried = new ArrayList<>();
        for (String name : candidates()) {
            try {
                nativeLibrary = NativeLibrary.getInstance(name);
                library = Native.load(name, PortAudioLibrary.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
                return;
            } catch (UnsatisfiedLinkError e) {
                tried.add(name);
            }
        }
        loadFailure = "PortAudio library not found (tried " + String.join(", ", tried) + ")"
                + (Platform.isLinux() ? "; on Debian/Ubuntu: apt-get install libportaudio2" : "");
    }

    private static List<String> candidates() {
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override != null && !override.isBlank()) {
            return List.of(override);
        }
        if (Platform.isWindows()) {
            return List.of("portaudio_x64", "portaudio", "libportaudio-2");
        }
        if (Platform.isMac()) {
            return List.of("portaudio", "libportaudio.2.dylib");
        }
        return List.of("portaudio", "libportaudio.so.2");
    }

    /** Pa_Initialize, naming the JACK client first (only effective when PortAudio is not initialised yet). */
    static synchronized void initialize(String jackClient) throws AudioBackendException {
        PortAudioLibrary pa = library();
        if (jackClient != null) {
            setJackClientName(jackClient);
        }
        check(pa.Pa_Initialize(), "PortAudio could not start");
    }

    static synchronized void terminate() {
        if (library != null) {
            library.Pa_Terminate();
        }
    }

    // PaJack_SetClientName exists only in builds with the JACK host API.
    private static void setJackClientName(String name) {
        try {
            Function f = nativeLibrary.getFunction("PaJack_SetClientName");
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            Memory m = new Memory(bytes.length + 1L);
            m.write(0, bytes, 0, bytes.length);
            m.setByte(bytes.length, (byte) 0);
            if (f.invokeInt(new Object[] {m}) == PortAudioLibrary.paNoError) {
                jackClientName = m;
            }
        } catch (UnsatisfiedLinkError e) {
            // no JACK host API in this build
        }
    }

    /** An optional entry point of this build (e.g. PaAsio_ShowControlPanel, only in ASIO builds), or null. */
    static synchronized Function optionalFunction(String symbol) {
        if (nativeLibrary == null) {
            return null;
        }
        try {
            return nativeLibrary.getFunction(symbol);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    static synchronized void check(int error, String what) throws AudioBackendException {
        if (error < 0) {
            throw new AudioBackendException(what + ": " + library.Pa_GetErrorText(error) + " (" + error + ")");
        }
    }

    static synchronized String errorText(int error) {
        return library == null ? Integer.toString(error) : library.Pa_GetErrorText(error);
    }

    /** Host APIs and devices as PortAudio sees them now. */
    static synchronized Inventory inventory() throws AudioBackendException {
        initialize(null);
        try {
            return Inventory.read(library);
        } finally {
            terminate();
        }
    }
}
