package org.tutti.backend;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends libjack's and libasound's own messages to the log (logger {@code org.tutti.backend.native}, level FINE)
 * instead of stderr. Probing for JACK and ALSA without a JACK server or sound card makes both libraries print
 * several lines per attempt; Tutti says once which backends are usable and why not ({@link BackendChoice}).
 * PortAudio uses the same process-wide libraries, so its probing is quiet too. Call before the first probe.
 */
public final class NativeChatter {
    private static final Logger LOG = Logger.getLogger("org.tutti.backend.native");

    /** {@code void (*)(const char *msg)}, JACK's error and info function type. */
    public interface JackMessage extends Callback {
        void invoke(String message);
    }

    /**
     * ALSA's {@code snd_lib_error_handler_t}: {@code (file, line, function, err, fmt, ...)}. The variable arguments
     * are ignored (callers pass them in registers or on the stack, a callee that reads none is safe); the format
     * text is logged unexpanded.
     */
    public interface AlsaError extends Callback {
        void invoke(String file, int line, String function, int err, String format);
    }

    // Held for the life of the process: the libraries keep the pointers.
    private static final JackMessage JACK = m -> LOG.fine(() -> "JACK: " + m);
    private static final AlsaError ALSA = (file, line, function, err, format) ->
            LOG.fine(() -> "ALSA lib " + file + ":" + line + " (" + function + ") " + format + " err=" + err);
    private static boolean quiet;

    private NativeChatter() {
    }

    /** Installs the handlers once; a library that is missing is skipped. */
    public static synchronized void quiet() {
        if (quiet) {
            return;
        }
        quiet = true;
        install("jack", "jack_set_error_function", JACK);
        install("jack", "jack_set_info_function", JACK);
        install("asound", "snd_lib_error_set_handler", ALSA);
    }

    private static void install(String library, String setter, Callback handler) {
        try {
            Function f = NativeLibrary.getInstance(library).getFunction(setter);
            f.invokeVoid(new Object[] {handler});
        } catch (UnsatisfiedLinkError e) {
            LOG.log(Level.FINE, "no " + setter + " in lib" + library, e);
        }
    }
}
