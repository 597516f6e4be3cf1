package org.tutti.backend.jack;

import java.util.EnumSet;
import java.util.List;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.NativeChatter;

/**
 * JACK through JNAJack. The "device" is the JACK server name (default: $JACK_DEFAULT_SERVER). A JACK server is never
 * started by Tutti (JackNoStartServer): if none runs, this backend is simply unavailable.
 */
public final class JackBackendProvider implements AudioBackendProvider {
    public static final String NAME = "jack";

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
        Jack jack;
        try {
            NativeChatter.quiet();
            jack = Jack.getInstance();
        } catch (JackException | LinkageError e) {
            return "JACK library (libjack) not found: " + e.getMessage();
        }
        try {
            JackClient probe = openClient(jack, "tutti-probe");
            probe.close();
            return "";
        } catch (JackException e) {
            return "no JACK server '" + JackServerSelector.current() + "' is running";
        }
    }

    /** Checks the named JACK server (and makes it the one later opens use). */
    @Override
    public String unavailableReason(String serverName) {
        JackServerSelector.select(serverName);
        return unavailableReason();
    }

    @Override
    public List<AudioDevice> devices() {
        if (!isAvailable()) {
            return List.of();
        }
        String server = JackServerSelector.current();
        return List.of(new AudioDevice(server, "JACK server '" + server + "'", 2, 2));
    }

    @Override
    public AudioStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
        Jack jack = jack();
        JackClient client = connect(jack, request.deviceName(), request.clientName(), "");
        try {
            return new JackStream(jack, client, request, callback);
        } catch (JackException e) {
            client.close();
            throw new AudioBackendException("JACK refused the client's ports: " + e.getMessage(), e);
        }
    }

    /** libjack, loaded once; a clear reason when it is not installed. */
    static Jack jack() throws AudioBackendException {
        try {
            NativeChatter.quiet();
            return Jack.getInstance();
        } catch (JackException | LinkageError e) {
            throw new AudioBackendException("JACK is not installed (libjack not found)", e);
        }
    }

    /** A client {@code name} on JACK server {@code server} (null: the current one); {@code purpose} names what for. */
    static JackClient connect(Jack jack, String server, String name, String purpose) throws AudioBackendException {
        JackServerSelector.select(server);
        try {
            return openClient(jack, name);
        } catch (JackException e) {
            throw new AudioBackendException("cannot connect to JACK server '" + JackServerSelector.current() + "'"
                    + purpose + ": is it running?", e);
        }
    }

    static JackClient openClient(Jack jack, String name) throws JackException {
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        return jack.openClient(name, EnumSet.of(JackOptions.JackNoStartServer), status);
    }

    /** The port name of this client's input channel {@code c} (0-based): "input left", "input right", "input 3"… */
    public static String inputPortName(int c) {
        return JackStream.inputPortName(c);
    }

    /** The port name of output channel {@code c}: "output left", "output right", "output 3"… */
    public static String outputPortName(int c) {
        return JackStream.outputPortName(c);
    }
}
