package org.tutti.client.ui.server;

import org.tutti.client.settings.ClientSettings;
import org.tutti.server.ui.ServerPanelSettings;

/** The built-in server's panel values to and from the settings file (out-of-range values read as defaults). */
public final class ServerModeSettings {
    private ServerModeSettings() {
    }

    public static ServerPanelSettings read(ClientSettings.Server s) {
        ServerPanelSettings d = ServerPanelSettings.DEFAULT;
        return new ServerPanelSettings(s.name, s.city, in(s.country, 0, 261, d.country()), s.welcomeMessage,
                in(s.maxUsers, 1, 150, d.maxUsers()), s.delayPanning, s.fastUpdate, in(s.port, 1, 65535, d.port()),
                s.recordingDir, s.recordingEnabled, s.directory, s.portMapping, in(s.uplinkKbps, 0, 10_000_000, 0),
                s.password, s.metronomeBpm, s.metronomeBeats, s.chatCommands); // the record replaces bad tempos
    }

    public static void write(ServerPanelSettings p, ClientSettings.Server s) {
        s.name = p.name();
        s.city = p.city();
        s.country = p.country();
        s.welcomeMessage = p.welcomeHtml();
        s.maxUsers = p.maxUsers();
        s.delayPanning = p.delayPanning();
        s.fastUpdate = p.fastUpdate();
        s.port = p.port();
        s.recordingDir = p.recordingDir();
        s.recordingEnabled = p.recordingEnabled();
        s.directory = p.directory();
        s.portMapping = p.portMapping();
        s.password = p.password();
        s.uplinkKbps = p.uplinkKbps();
        s.metronomeBpm = p.metronomeBpm();
        s.metronomeBeats = p.metronomeBeats();
        s.chatCommands = p.chatCommands();
    }

    private static int in(int value, int min, int max, int fallback) {
        return value < min || value > max ? fallback : value;
    }
}
