package org.tutti.client.session;

import java.util.Locale;
import org.tutti.client.engine.ServerAddress;
import org.tutti.client.settings.ClientSettings;
import org.tutti.protocol.LobbyText;

/**
 * What the client does with the chat lines of a password-protected server's lobby ({@link LobbyText}): on the
 * lobby's welcome it sends the password stored for that server by itself, without showing the lobby; with none stored,
 * or when the server says the password was wrong, it asks the musician once. After that, or once the server has
 * locked the address out, it sends nothing more by itself: the musician can still type in the chat.
 * <p>
 * One connection at a time; {@link #connecting} starts afresh. Called from the engine's control thread (chat lines)
 * and the EDT (connecting, the dialog's answer), hence synchronized. Never logs, and the password is in no
 * {@code toString}.
 */
public final class LobbyAnswerer {
    /** Whether and why to ask the musician for the password. */
    public enum Ask {
        NO,
        /** The server is private and no password is stored for it. */
        NONE_STORED,
        /** The password sent (stored or typed) was wrong. */
        WRONG
    }

    /**
     * What to do with one received chat line.
     *
     * @param show     show the line in the chat window
     * @param send     a chat line to send by itself (the password), or null; never shown
     * @param ask      whether to ask the musician for the password
     * @param remember a password just accepted that the musician asked to remember for this server, or null
     */
    public record Action(boolean show, String send, Ask ask, String remember) {
        static final Action SHOW = new Action(true, null, Ask.NO, null);

        @Override
        public String toString() {
            return "Action[show=" + show + ", send=" + (send == null ? "no" : "yes") + ", ask=" + ask
                    + ", remember=" + (remember == null ? "no" : "yes") + "]";
        }
    }

    private String stored;
    private boolean inLobby;
    private boolean sentStored;
    private boolean asked;
    private boolean lockedOut;
    /** Whether the musician has seen the lobby (its lines shown): then the admission is shown too. */
    private boolean lobbyShown;
    private String toRemember;

    /** A new connection to a server whose stored password is {@code storedPassword} (null or "" for none). */
    public synchronized void connecting(String storedPassword) {
        stored = storedPassword == null || storedPassword.isEmpty() ? null : storedPassword;
        inLobby = false;
        sentStored = false;
        asked = false;
        lockedOut = false;
        lobbyShown = false;
        toRemember = null;
    }

    /** Decides what to do with a chat line received from the server. */
    public synchronized Action chat(String html) {
        if (LobbyText.isWelcome(html)) {
            inLobby = true;
            if (lockedOut) {
                return shown();
            }
            if (stored != null && !sentStored) {
                sentStored = true;
                return new Action(false, stored, Ask.NO, null);
            }
            return askOnce(Ask.NONE_STORED);
        }
        if (inLobby && LobbyText.isWrongPassword(html)) {
            return lockedOut ? shown() : askOnce(Ask.WRONG);
        }
        if (inLobby && LobbyText.isLockedOut(html)) {
            lockedOut = true;
            return shown();
        }
        if (inLobby && LobbyText.isAdmitted(html)) {
            inLobby = false;
            String remember = toRemember;
            toRemember = null;
            return new Action(lobbyShown, null, Ask.NO, remember);
        }
        return Action.SHOW;
    }

    private Action askOnce(Ask why) {
        lobbyShown = true;
        if (asked) {
            return Action.SHOW;
        }
        asked = true;
        return new Action(true, null, why, null);
    }

    private Action shown() {
        lobbyShown = true;
        return Action.SHOW;
    }

    /**
     * The musician's answer to the question: returns the chat line to send (the password, not to be shown), or null
     * when there is nothing to send (cancelled, empty, locked out meanwhile, or no longer in a lobby). With
     * {@code remember} the password is handed back for storing once the server has admitted it.
     */
    public synchronized String answered(String password, boolean remember) {
        if (password == null || password.isEmpty() || lockedOut || !inLobby) {
            return null;
        }
        toRemember = remember ? password : null;
        return password;
    }

    /** The key a password is stored under: host in lower case and port, so "Host" and "host:22124" are one server. */
    public static String serverKey(String address) {
        try {
            ServerAddress a = ServerAddress.parse(address.strip());
            return a.host().toLowerCase(Locale.ROOT) + ":" + a.port();
        } catch (IllegalArgumentException bad) {
            return address.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The password stored for {@code address} in {@code settings}, or null. */
    public static String storedPassword(ClientSettings settings, String address) {
        return settings == null || address == null ? null : settings.serverPasswords.get(serverKey(address));
    }

    /** Stores {@code password} for {@code address} in {@code settings} (the caller saves them). */
    public static void store(ClientSettings settings, String address, String password) {
        settings.serverPasswords.put(serverKey(address), password);
    }
}
