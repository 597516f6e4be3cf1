package org.tutti.protocol;

/**
 * The chat lines of a password-protected Tutti server's lobby. A new connection to such a server waits in a lobby
 * (not heard, not listed) until it types the password in the chat; the server talks to it with these lines. They are
 * plain chat, so a real Jamulus client shows them as they are; a Tutti client recognises them by their fixed
 * prefixes to send a stored password by itself, or to ask the musician once.
 */
public final class LobbyText {
    /** Starts the lobby's welcome line, the first chat a waiting connection receives. */
    public static final String WELCOME_PREFIX = "<b>This server is private.</b> ";
    /** The welcome line, in full. */
    public static final String WELCOME = WELCOME_PREFIX
            + "Type the session password in the chat and press Enter to join. Until then nobody hears you or sees you,"
            + " and nothing you type here is shown to anyone.";
    /** Starts the answer to a wrong password. */
    public static final String WRONG_PREFIX = "<b>Wrong password.</b> ";
    /** Starts the line that says the address is locked out for a while after too many wrong guesses. */
    public static final String LOCKED_PREFIX = "<b>Too many wrong passwords.</b> ";
    /** The line sent on admission, before the server's own welcome message. */
    public static final String ADMITTED = "<b>Welcome in.</b> You are now part of the session.";

    private LobbyText() {
    }

    /** Whether a received chat line is the lobby's welcome (the connection waits in a lobby). */
    public static boolean isWelcome(String chatText) {
        return chatText != null && chatText.startsWith(WELCOME_PREFIX);
    }

    /** Whether a received chat line says the password was wrong. */
    public static boolean isWrongPassword(String chatText) {
        return chatText != null && chatText.startsWith(WRONG_PREFIX);
    }

    /** Whether a received chat line says the address is locked out after too many wrong guesses. */
    public static boolean isLockedOut(String chatText) {
        return chatText != null && chatText.startsWith(LOCKED_PREFIX);
    }

    /** Whether a received chat line says the connection was admitted. */
    public static boolean isAdmitted(String chatText) {
        return ADMITTED.equals(chatText);
    }
}
