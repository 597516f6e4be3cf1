package org.tutti.server.engine;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The server's chat line (protocol doc §6.6): colour by channel, local 12-hour time, escaped name and text. */
final class ChatFormat {
    private static final String[] COLOURS = {"mediumblue", "red", "darkorchid", "green", "maroon", "coral"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("hh:mm:ss a", Locale.US);
    static final String WELCOME_PREFIX = "<b>Server Welcome Message:</b> ";

    private ChatFormat() {
    }

    static String line(int channelId, String name, String text, LocalTime now) {
        return "<font color=\"" + COLOURS[channelId % COLOURS.length] + "\">(" + now.format(TIME) + ") <b>"
                + Html.escape(name) + "</b></font> " + Html.escape(text);
    }
}
