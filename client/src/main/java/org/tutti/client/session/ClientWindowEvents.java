package org.tutti.client.session;

import java.nio.file.Path;
import java.util.List;
import org.tutti.client.ui.mixer.StripView;

/** Engine events the main window shows; call on the EDT (engines use {@code SwingUtilities.invokeLater}). */
public interface ClientWindowEvents {
    void connected(String serverAddress);

    /** Connection ended or failed; {@code reason} is shown when not blank. */
    void disconnected(String reason);

    void serverName(String name);

    void recording(boolean active);

    /** The mixer strips as the model decided them (any order; the board sorts). */
    void strips(List<StripView> strips);

    /** A chat line (HTML built by the server); opens the chat window. */
    void chat(String html);

    void welcome(String html);

    /** The server requires accepting its terms (shown in the chat) before audio flows. */
    void licenceRequired();

    /** "Mute myself" was set from elsewhere (a MIDI control, JSON-RPC); the engine has been told already. */
    void showMuteMyself(boolean on);

    /** The server's conductor's mix: we now hear {@code name}'s mix ("" = our own again). */
    default void following(String name) {
    }

    /** Recording at home started into {@code take}, or stopped (null) from elsewhere: JSON-RPC, an engine rebuild. */
    default void showHomeRecording(Path take) {
    }

    /** Recording at home stopped by itself; {@code take} keeps what was written. */
    default void homeRecordingFailed(Path take, String reason) {
        showHomeRecording(null);
    }

    /** Feedback protection muted us (Mute Myself and our own strip): say why and offer to switch it off. */
    void feedbackDetected();

    /**
     * The server is private and waits for its session password ({@code wrong}: the one sent was not accepted): ask the
     * musician once and answer with {@link ClientSession#lobbyPassword}.
     */
    default void lobbyPasswordNeeded(String serverAddress, boolean wrong) {
    }

    /** The server admitted a password the musician asked to remember: store it for {@code serverAddress}, save. */
    default void rememberPassword(String serverAddress, String password) {
    }
}
