package org.tutti.client.session;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioBackends;
import org.tutti.backend.BackendChoice;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.cli.ClientCommandLine;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiSetup;
import org.tutti.client.midi.MidiTarget;
import org.tutti.client.settings.ClientSettings;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.StringLimits;

/** Builds the client engine from the user's settings, for the desktop window. */
public final class EngineFactory {
    /** {@code --audiobackend} and {@code --audiodevice} (null when not given); they win over the settings. */
    private static volatile String commandLineBackend;
    private static volatile String commandLineDevice;
    /** -i, --clientname, -M, --mutemyown, -j, -p as the headless client applies them. */
    private static volatile ClientCommandLine commandLine = ClientCommandLine.NONE;
    /** The profile name loaded at start: --clientname stands in for it until the musician edits their name. */
    private static volatile String startProfileName;

    private EngineFactory() {
    }

    /** Called once by the launcher before the window starts. */
    public static void useCommandLine(String backend, String device, ClientCommandLine clientOptions) {
        commandLineBackend = backend == null || backend.isBlank() ? null : backend;
        commandLineDevice = device == null || device.isBlank() ? null : device;
        commandLine = clientOptions;
    }

    public static ClientCommandLine commandLine() {
        return commandLine;
    }

    /** Called with the settings as loaded, before the first engine is built. */
    public static void profileNameAtStart(String name) {
        startProfileName = name;
    }

    private static String device(ClientSettings s) {
        String d = commandLineDevice;
        return d != null ? d : s.audio.device.isBlank() ? null : s.audio.device;
    }

    /**
     * The backend from {@code --audiobackend}; else the one from the settings if it works, else the first that works
     * (JACK, then PortAudio, then Java Sound), else any installed
     * one so the window can still open and report why connecting fails; empty only when none is installed.
     */
    public static Optional<AudioBackendProvider> backend(ClientSettings s) {
        String device = device(s);
        String asked = commandLineBackend;
        if (asked != null && AudioBackends.byName(asked).isPresent()) {
            return AudioBackends.byName(asked); // as asked, even if it fails: connecting then says why
        }
        Optional<AudioBackendProvider> p = AudioBackends.choose(s.audio.backend.isBlank() ? null : s.audio.backend,
                device, BackendChoice.AUTO_ORDER);
        if (p.isPresent()) {
            return p;
        }
        return s.audio.backend.isBlank() ? AudioBackends.all().stream().findFirst()
                : AudioBackends.byName(s.audio.backend).or(() -> AudioBackends.all().stream().findFirst());
    }

    /**
     * The MIDI input for the desktop, on the JACK server the audio uses when it plays through JACK; opened with
     * {@code --ctrlmidich} when given, else with the settings' MIDI setup when it is on (a failure is handed to
     * {@code problem}, and MIDI then stays off).
     */
    public static MidiSession midiSession(ClientSettings s, Optional<AudioBackendProvider> backend, MidiTarget target,
                                          Consumer<String> problem) {
        boolean jack = backend.map(b -> b.name().equals(JackBackendProvider.NAME)).orElse(false);
        ClientCommandLine cl = commandLine;
        MidiSession midi = new MidiSession(jack ? device(s) : null, cl.audioClientName() + " MIDI", target);
        MidiSetup setup = cl.midi();
        if (setup == null && s.midi.enabled) {
            try {
                setup = MidiSetup.parse(s.midi.setup);
            } catch (IllegalArgumentException e) {
                problem.accept("the MIDI setup in the settings is not valid: " + e.getMessage());
            }
        }
        if (setup != null) {
            try {
                midi.use(setup);
            } catch (IOException e) {
                problem.accept("no MIDI control: " + e.getMessage());
            }
        }
        return midi;
    }

    public static ClientOptions options(ClientSettings s, AudioBackendProvider backend, boolean muteMyself) {
        ClientOptions fromSettings = new ClientOptions(backend, "Tutti", device(s),
                s.audio.bufferFrames, s.audio.autoConnect, profile(s), s.audio.opusQuality(), s.audio.channelMode(),
                s.audio.smallNetworkBuffers, muteMyself, false, s.network.localPort);
        return commandLine.applyTo(fromSettings).withProfile(profile(s));
    }

    public static ChannelInfo profile(ClientSettings s) {
        String name = s.profile.name.isBlank() ? "" : s.profile.name;
        ClientCommandLine cl = commandLine;
        if (cl.hasClientName() && name.equals(startProfileName)) {
            name = cl.musicianName(name); // a name edited in the profile dialog wins over --clientname
        }
        return new ChannelInfo(Math.max(0, Math.min(261, s.profile.country)), Math.max(0, s.profile.instrument),
                Math.max(0, Math.min(3, s.profile.skill)), StringLimits.truncate(name, StringLimits.NAME),
                StringLimits.truncate(s.profile.city, StringLimits.CITY));
    }

    /**
     * Creates the engine with {@code session} as its listener, applies the runtime settings and starts the sound
     * check, so the window's input meters move before connecting.
     */
    public static ClientEngine create(ClientSettings s, AudioBackendProvider backend, EngineSession session) {
        ClientEngine engine = new ClientEngine(options(s, backend, false), session.listener());
        engine.mixer(m -> m.loadStoredSettings(s.faders));
        applyRuntime(engine, s);
        engine.setSoundCheck(true);
        return engine;
    }

    /** Settings the engine can change while running (profile, boost, balance, jitter buffers). */
    public static void applyRuntime(ClientEngine engine, ClientSettings s) {
        engine.setProfile(profile(s));
        engine.setInputBoost(s.audio.inputBoost);
        engine.setInputPan(s.audio.inputPan);
        engine.setJitterBuffer(s.audio.jitterAuto, s.audio.jitterLocal);
        engine.setServerJitterBuffer(s.audio.serverJitterAuto, s.audio.jitterServer);
        engine.setFeedbackProtection(s.audio.feedbackDetection);
        engine.setReverb(s.audio.reverbLevel, s.audio.reverbOnLeft);
        engine.setChannelMapping(s.audio.channelMapping());
        engine.setSplit(s.split.engineChannels(profile(s).name()));
        int newClientLevel = s.mixer.newClientLevel;
        engine.mixer(m -> m.setNewClientLevel(newClientLevel));
    }

    /** Quality, channels and small network buffers, on the running engine (new props go to the server). */
    public static void applyStreamFormat(ClientEngine engine, ClientSettings s) {
        engine.setStreamFormat(s.audio.opusQuality(), s.audio.channelMode(), s.audio.smallNetworkBuffers);
    }

}
