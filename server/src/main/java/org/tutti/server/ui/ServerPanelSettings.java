package org.tutti.server.ui;

/**
 * What the server panel edits. {@code country} is the Qt 5 country code as sent to directories.
 *
 * @param maxUsers 1..150; {@code port} 1..65535
 */
public record ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                                  boolean delayPanning, boolean fastUpdate, int port, String recordingDir) {
    public static final ServerPanelSettings DEFAULT =
            new ServerPanelSettings("", "", 0, "", 10, false, false, 22124, "");
}
