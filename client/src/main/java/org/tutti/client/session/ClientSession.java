package org.tutti.client.session;

import java.io.IOException;
import java.nio.file.Path;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;

/**
 * What the window needs from the client engine. Calls come from the EDT and must return at once (the engine does
 * network and audio work on its own threads); {@link #status()} is polled by a Swing timer and must be cheap and
 * thread-safe (read the engine's counters). Engine events reach the window through {@link ClientWindowEvents}
 * on the EDT.
 */
public interface ClientSession {
    /** Starts connecting to {@code host[:port]}; the outcome arrives as an event. */
    void connect(String address);

    void disconnect();

    /** Stop sending our audio (others are not told), as Jamulus's "Mute Myself". */
    void muteMyself(boolean muted);

    /** The sound check's "hear myself": the input played back while no server is connected. */
    default void hearMyself(boolean on) {
    }

    /** Recording at home: a new take folder under {@code parent} with own-input.wav and mix.wav; returns it. */
    default Path startRecording(Path parent) throws IOException {
        throw new IOException("no sound card in this session");
    }

    /** Ends recording at home; returns the take folder, or null when none was running. */
    default Path stopRecording() {
        return null;
    }

    /** Balance between our two inputs, −50 (left) .. 50 (right). */
    void inputBalance(int balance);

    void sendChat(String text);

    /**
     * The musician's answer to a private server's password question: sent to the server without being shown (null or
     * empty: cancelled, the musician stays in the lobby); {@code remember} stores it once the server admits it.
     */
    default void lobbyPassword(String password, boolean remember) {
    }

    /** Current meters and link figures. */
    IndicatorReadings status();

    /**
     * The settings dialog changed {@code settings}. {@code streamChanged} is true when the backend, device or buffer
     * size changed, which needs a new audio stream; everything else (profile, quality, channels, jitter buffers)
     * applies to the running session.
     */
    default void settingsChanged(ClientSettings settings, boolean streamChanged) {
    }

    /** Asks a directory ({@code host:port}) for its servers and pings them; answers go to {@code sink} on the EDT. */
    default void queryDirectory(String directoryAddress, ServerListSink sink) {
        sink.showProblem(I18n.tr("connect.listNotAvailable"));
    }

    /** The MIDI control the settings' MIDI tab edits, or null where there is none (no audio backend). */
    default MidiSession midi() {
        return null;
    }

    /** The engine's sound card lacks a channel the stored channel mapping names (it uses inputs/outputs 1/2). */
    default boolean channelMappingFellBack() {
        return false;
    }

    /** The Connection Setup dialog closed: stop asking directories and pinging servers. */
    default void stopDirectory() {
    }
}
