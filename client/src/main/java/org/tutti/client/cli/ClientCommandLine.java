package org.tutti.client.cli;

import java.nio.file.Path;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.midi.MidiSetup;
import org.tutti.client.settings.SettingsStore;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.StringLimits;

/**
 * The client options of the command line that the headless and the desktop client both honour, in one place so the
 * two cannot drift apart: {@code -i}, {@code --clientname}, {@code -M}, {@code --mutemyown}, {@code -j}, {@code -p}, {@code --ctrlmidich}.
 *
 * @param settingsFile  {@code -i FILE}, or null for the default location
 * @param clientName    {@code --clientname}, blank when not given
 * @param muteStream    {@code -M}: start with "mute myself" on
 * @param muteMyOwn     {@code --mutemyown}: my own channel at gain 0 in my mix
 * @param noJackConnect {@code -j}: leave the audio ports unconnected
 * @param localPort     {@code -p}, or -1 when not given
 * @param midi          {@code --ctrlmidich}: which MIDI controllers move the mixer, or null for none
 */
public record ClientCommandLine(Path settingsFile, String clientName, boolean muteStream, boolean muteMyOwn,
                                boolean noJackConnect, int localPort, MidiSetup midi) {
    /** Without any option: every setting comes from the settings file. */
    public static final ClientCommandLine NONE = new ClientCommandLine(null, "", false, false, false, -1, null);

    public static ClientCommandLine from(ParsedOptions o) throws UsageException {
        return new ClientCommandLine(o.has("inifile") ? Path.of(o.value("inifile", "")) : null,
                o.value("clientname", "").strip(), o.has("mutestream"), o.has("mutemyown"), o.has("nojackconnect"),
                o.intValue("port", -1, 0, 65535), midi(o));
    }

    private static MidiSetup midi(ParsedOptions o) throws UsageException {
        String spec = o.value("ctrlmidich", "").strip();
        if (spec.isEmpty()) {
            return null; // Jamulus: an empty setup means no MIDI
        }
        try {
            return MidiSetup.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ctrlmidich: " + e.getMessage());
        }
    }

    public SettingsStore settingsStore() {
        return settingsFile != null ? new SettingsStore(settingsFile) : SettingsStore.atDefaultLocation();
    }

    public boolean hasClientName() {
        return !clientName.isBlank();
    }

    /** The audio (JACK) client name: {@code --clientname}, else "Tutti". */
    public String audioClientName() {
        return hasClientName() ? clientName : "Tutti";
    }

    /** The musician name sent to the server: {@code --clientname} wins over the profile's name. */
    public String musicianName(String profileName) {
        return hasClientName() ? StringLimits.truncate(clientName, StringLimits.NAME) : profileName;
    }

    /** {@code base} (built from the settings) with this command line applied; {@code base}'s port when no -p. */
    public ClientOptions applyTo(ClientOptions base) {
        ChannelInfo p = base.profile();
        ChannelInfo profile = hasClientName()
                ? new ChannelInfo(p.country(), p.instrument(), p.skill(), musicianName(p.name()), p.city()) : p;
        return new ClientOptions(base.backend(), audioClientName(), base.audioDevice(), base.bufferFrames(),
                base.autoConnect() && !noJackConnect, profile, base.quality(), base.channelMode(),
                base.smallNetworkBuffers(), base.muteMyself() || muteStream, base.muteMyOwn() || muteMyOwn,
                localPort >= 0 ? localPort : base.localPort());
    }
}
