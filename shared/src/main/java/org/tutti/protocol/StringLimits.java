package org.tutti.protocol;

/**
 * Jamulus's string limits (protocol doc §2.6). Lengths count UTF-16 code units, as Qt's {@code QString::size()}
 * does, which is also Java's {@link String#length()}.
 *
 * <p>Policy: message and value records <em>reject</em> over-long strings in their constructors (so a record never
 * holds something a 3.9.1 peer would refuse), and their {@code truncating} factories cut them down, which is what
 * Jamulus senders do. Use the factories for user-typed text.
 */
public final class StringLimits {
    /** Channel (fader) name. */
    public static final int NAME = 16;
    /** City of a musician or a server. */
    public static final int CITY = 20;
    /** Server name in registrations and server lists. */
    public static final int SERVER_NAME = 20;
    /** Dotted internal IPv4 address text in registrations and server lists. */
    public static final int INTERNAL_ADDRESS = 15;
    /** Version text; 3.9.1–3.11 reject anything longer (3.12 raised it to 50). */
    public static final int VERSION = 30;
    /** Chat text on the wire (including the server's HTML wrapping). */
    public static final int CHAT = 1800;
    /** What a user may type into the chat box (Jamulus's input limit). */
    public static final int CHAT_TYPED = 1600;
    /** Welcome message of CLM 1021 (4.0-beta); no limit upstream, we reuse the chat limit. */
    public static final int WELCOME = CHAT;

    private StringLimits() {
    }

    /**
     * {@code text} cut to at most {@code limit} UTF-16 code units, never splitting a surrogate pair (unlike Qt's
     * {@code left()}, which could leave half a character that then encodes as '?').
     */
    public static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Throws IllegalArgumentException when {@code text} is null or longer than {@code limit}. */
    public static String require(String text, int limit, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (text.length() > limit) {
            throw new IllegalArgumentException(what + " longer than " + limit + " characters: " + text.length());
        }
        return text;
    }
}
