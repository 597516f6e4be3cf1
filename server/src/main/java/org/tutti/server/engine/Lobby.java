package org.tutti.server.engine;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.LobbyText;

/**
 * The password lobby of a private server. With a password set, a new connection starts in the lobby
 * ({@link ChannelControl#lobby}): it gets its ID, ACKs and a silent mix but is not heard, not listed and not sent
 * anyone's chat; the chat it sends comes here and nowhere else. A line equal to the password admits it; wrong lines
 * are answered and counted per IP address ({@link LobbyGuesses}), and a locked-out address is ignored. The password
 * is kept only as its SHA-256 digest and compared in constant time. Engine thread only.
 */
final class Lobby {
    private final Outbox outbox;
    private final LiveSettings settings;
    private final EngineCounters counters;
    private final LobbyGuesses guesses = new LobbyGuesses();
    /** SHA-256 of the password, or null: no lobby. */
    private byte[] passwordDigest;

    Lobby(Outbox outbox, LiveSettings settings, EngineCounters counters) {
        this.outbox = outbox;
        this.settings = settings;
        this.counters = counters;
    }

    /** Sets the password ({@code null} or blank: none; new connections then join directly). */
    void setPassword(String password) {
        passwordDigest = password == null || password.isBlank() ? null : digest(password.strip());
    }

    /** Whether a new connection starts in the lobby. */
    boolean active() {
        return passwordDigest != null;
    }

    /** Puts a channel just opened into the lobby and greets it (instead of the server's welcome). */
    void enter(ClientChannel c, long nowNs) {
        c.control.lobby = true;
        outbox.queue(c, new ChatText(LobbyText.WELCOME), nowNs);
    }

    /**
     * A chat line from a channel in the lobby: a password guess, never forwarded or echoed. True when it admitted
     * the channel (the caller then sends everyone the new client list).
     */
    boolean onChat(ClientChannel c, String text, long nowNs) {
        InetAddress ip = c.address.getAddress();
        if (guesses.lockedOut(ip, nowNs)) {
            counters.lobbyChatDropped++;
            if (!c.control.lobbyToldLocked) { // one answer per connection, so a flood gets no echo
                c.control.lobbyToldLocked = true;
                outbox.queue(c, new ChatText(lockedLine()), nowNs);
            }
            return false;
        }
        if (passwordDigest != null && MessageDigest.isEqual(passwordDigest, digest(text.strip()))) {
            admit(c, nowNs);
            return true;
        }
        counters.lobbyGuessesWrong++;
        if (guesses.wrong(ip, nowNs)) {
            counters.lobbyLockouts++;
            c.control.lobbyToldLocked = true;
            outbox.queue(c, new ChatText(lockedLine()), nowNs);
        } else {
            int left = guesses.left(ip);
            outbox.queue(c, new ChatText(LobbyText.WRONG_PREFIX + "Please try again (" + left
                    + (left == 1 ? " try" : " tries") + " left this minute)."), nowNs);
        }
        return false;
    }

    /** Lets {@code c} in: it is told, then gets the server's own welcome; the caller sends the client lists. */
    void admit(ClientChannel c, long nowNs) {
        c.control.lobby = false;
        c.input.fadeInSamples = 0; // others hear it fade in from now, as a newcomer
        counters.lobbyAdmissions++;
        outbox.queue(c, new ChatText(LobbyText.ADMITTED), nowNs);
        String welcome = settings.welcomeMessage();
        if (!welcome.isEmpty()) {
            outbox.queue(c, new ChatText(ProtocolHandler.truncate(ChatFormat.WELCOME_PREFIX + welcome)), nowNs);
        }
    }

    private static String lockedLine() {
        return LobbyText.LOCKED_PREFIX + "This address may not try again for "
                + LobbyGuesses.LOCKOUT_NANOS / 60_000_000_000L + " minutes.";
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
