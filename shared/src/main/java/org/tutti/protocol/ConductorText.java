package org.tutti.protocol;

/**
 * The chat lines a Tutti server sends about the conductor's mix and its metronome channel. They are plain chat, so a
 * real Jamulus client shows them as they are; a Tutti client recognises them to show "following NAME's mix" and the
 * metronome's strip.
 */
public final class ConductorText {
    /** Starts every conductor line. */
    public static final String PREFIX = "<b>Conductor:</b> ";
    /** The metronome's name in client lists (with Jamulus's instrument 1, "Drum Set"). */
    public static final String METRONOME_NAME = "Metronome";
    public static final int METRONOME_INSTRUMENT = 1;
    private static final String FOLLOWING_START = "you hear ";
    private static final String FOLLOWING_END = "'s mix (type /ownmix for your own)";

    private ConductorText() {
    }

    public static String nobody() {
        return PREFIX + "nobody conducts: you hear your own mix";
    }

    public static String youConduct() {
        return PREFIX + "you conduct: the others hear your mix";
    }

    /** {@code htmlName} is already escaped. */
    public static String following(String htmlName) {
        return PREFIX + FOLLOWING_START + htmlName + FOLLOWING_END;
    }

    public static String conductsOwnMix(String htmlName) {
        return PREFIX + htmlName + " conducts; you hear your own mix (type /follow for theirs)";
    }

    public static String left(String htmlName) {
        return PREFIX + htmlName + " left: you hear your own mix again";
    }

    /**
     * What a received chat line says about whose mix we hear: the conductor's name (as sent, HTML-escaped) when we
     * now follow them, "" when we hear our own mix again, null when the line is not about that.
     */
    public static String followedIn(String chat) {
        if (chat == null || !chat.startsWith(PREFIX)) {
            return null;
        }
        String text = chat.substring(PREFIX.length());
        if (text.startsWith(FOLLOWING_START) && text.endsWith(FOLLOWING_END)) {
            return text.substring(FOLLOWING_START.length(), text.length() - FOLLOWING_END.length());
        }
        return text.contains("you hear your own mix") || text.startsWith("you conduct") ? "" : null;
    }

    /** A name as the server escaped it (Qt's {@code toHtmlEscaped}: {@code < > & "}), back to text. */
    public static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Whether a client-list entry is a Tutti server's metronome channel. */
    public static boolean isMetronome(String name, int instrument) {
        return METRONOME_NAME.equals(name) && instrument == METRONOME_INSTRUMENT;
    }
}
