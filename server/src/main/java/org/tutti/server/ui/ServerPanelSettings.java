package org.tutti.server.ui;

import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.mix.Metronome;

/**
 * What the server panel edits. {@code country} is the Qt 5 country code as sent to directories.
 *
 * @param maxUsers         1..150; {@code port} 1..65535
 * @param recordingDir     the jam recorder's folder, "" for none
 * @param recordingEnabled record while musicians are connected (only with a folder)
 * @param directory        the directory to register with ({@code host[:port]}, as {@code -e}), "" for none
 * @param portMapping      open the port on the home router (UPnP-IGD / NAT-PMP) while the server runs
 * @param uplinkKbps       the connection's upload speed in kbit/s as the host gave it, 0 when not given
 * @param password         the session password ("" = anyone may join): newcomers wait in the lobby until they type
 *                         it in the chat (docs/running-a-server.md); never shown by {@link #toString}
 * @param metronomeBpm     the metronome's tempo as last set (it always starts off), 30..300
 * @param metronomeBeats   its beats per bar, 2..12
 * @param chatCommands     musicians may use /tempo, /click and /conduct in the chat (as {@code --chatcommands})
 */
public record ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                                  boolean delayPanning, boolean fastUpdate, int port, String recordingDir,
                                  boolean recordingEnabled, String directory, boolean portMapping,
                                  int uplinkKbps, String password, int metronomeBpm, int metronomeBeats,
                                  boolean chatCommands) {
    /** Without port mapping: nothing is asked of a router unless the user's settings say so. */
    public static final ServerPanelSettings DEFAULT =
            new ServerPanelSettings("", "", 0, "", 10, false, false, 22124, "", true, "", false, 0, "");

    /** Without metronome and chat-command settings: the metronome's defaults, no chat commands. */
    public ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                               boolean delayPanning, boolean fastUpdate, int port, String recordingDir,
                               boolean recordingEnabled, String directory, boolean portMapping, int uplinkKbps,
                               String password) {
        this(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port, recordingDir,
                recordingEnabled, directory, portMapping, uplinkKbps, password, MetronomeSettings.DEFAULT_BPM,
                MetronomeSettings.DEFAULT_BEATS_PER_BAR, false);
    }

    public ServerPanelSettings {
        name = name == null ? "" : name;
        city = city == null ? "" : city;
        welcomeHtml = welcomeHtml == null ? "" : welcomeHtml;
        recordingDir = recordingDir == null ? "" : recordingDir;
        directory = directory == null ? "" : directory.strip();
        uplinkKbps = Math.max(0, uplinkKbps);
        password = password == null ? "" : password.strip();
        if (metronomeBpm < Metronome.MIN_BPM || metronomeBpm > Metronome.MAX_BPM) {
            metronomeBpm = MetronomeSettings.DEFAULT_BPM;
        }
        if (metronomeBeats < Metronome.MIN_BEATS_PER_BAR || metronomeBeats > Metronome.MAX_BEATS_PER_BAR) {
            metronomeBeats = MetronomeSettings.DEFAULT_BEATS_PER_BAR;
        }
    }

    /** Without a session password. */
    public ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                               boolean delayPanning, boolean fastUpdate, int port, String recordingDir,
                               boolean recordingEnabled, String directory, boolean portMapping, int uplinkKbps) {
        this(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port, recordingDir,
                recordingEnabled, directory, portMapping, uplinkKbps, "");
    }

    /** Whether newcomers must give a password (they wait in the lobby until then). */
    public boolean isPrivate() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "ServerPanelSettings[name=" + name + ", port=" + port + ", maxUsers=" + maxUsers + ", directory="
                + directory + ", private=" + isPrivate() + "]";
    }

    /** Without port mapping. */
    public ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                               boolean delayPanning, boolean fastUpdate, int port, String recordingDir,
                               boolean recordingEnabled, String directory) {
        this(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port, recordingDir,
                recordingEnabled, directory, false, 0);
    }

    /** Without recorder switch and directory: recording on once a folder is set, no directory. */
    public ServerPanelSettings(String name, String city, int country, String welcomeHtml, int maxUsers,
                               boolean delayPanning, boolean fastUpdate, int port, String recordingDir) {
        this(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port, recordingDir, true, "");
    }

    /** True when a change from {@code before} needs a new socket (the server restarts). */
    public boolean needsRestartFrom(ServerPanelSettings before) {
        return before.port != port || before.maxUsers != maxUsers || before.fastUpdate != fastUpdate
                || before.delayPanning != delayPanning;
    }

    /** True when the directory registration must be redone (another directory, or what it lists changed). */
    public boolean registrationChangedFrom(ServerPanelSettings before) {
        return !before.directory.equalsIgnoreCase(directory) || !before.name.equals(name)
                || !before.city.equals(city) || before.country != country;
    }

    public ServerPanelSettings withRecorder(String folder, boolean enabled) {
        return new ServerPanelSettings(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port,
                folder, enabled, directory, portMapping, uplinkKbps, password, metronomeBpm, metronomeBeats,
                chatCommands);
    }

    public ServerPanelSettings withChatCommands(boolean allowed) {
        return new ServerPanelSettings(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port,
                recordingDir, recordingEnabled, directory, portMapping, uplinkKbps, password, metronomeBpm,
                metronomeBeats, allowed);
    }

    /** The metronome's tempo and metre as the server last had them (kept for the next start). */
    public ServerPanelSettings withMetronome(int bpm, int beatsPerBar) {
        return new ServerPanelSettings(name, city, country, welcomeHtml, maxUsers, delayPanning, fastUpdate, port,
                recordingDir, recordingEnabled, directory, portMapping, uplinkKbps, password, bpm, beatsPerBar,
                chatCommands);
    }
}
