package org.tutti.client.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.SwingUtilities;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.client.cli.ListenerFanout;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientStatus;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.model.MixerChannel;
import org.tutti.client.midi.MidiSession;
import org.tutti.protocol.ConductorText;
import org.tutti.client.midi.MidiTarget;
import org.tutti.client.model.MixerModel;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.connect.ServerListSink;
import org.tutti.client.ui.mixer.MixerActions;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.protocol.LicenceType;
import org.tutti.protocol.RecorderState;

/**
 * Binds the window to the real {@link ClientEngine}. Engine callbacks arrive on the engine's control thread: they are
 * turned into immutable {@link StripView} snapshots there (the model is the engine's) and handed to Swing with
 * {@code invokeLater}. Mixer actions run on the engine's thread through {@link ClientEngine#mixer}; the model decides
 * gains, solo and mute and the engine sends them.
 */
public final class EngineSession implements ClientSession, MixerActions, ClientListener, MidiTarget {
    private volatile MidiSession midi;
    private final DirectoryBrowsing directories = new DirectoryBrowsing();
    private volatile ClientEngine engine;
    private volatile boolean connectedNow;
    /** Quality, channels and small buffers last given to the engine (changed live, only when they change). */
    private volatile String appliedFormat = "";
    /** How a new engine finds its backend after a settings change (tests substitute their own). */
    private volatile Function<ClientSettings, Optional<AudioBackendProvider>> backends = EngineFactory::backend;
    private volatile ClientWindowEvents events;
    private volatile String address = "";
    private volatile boolean userLeft;
    private volatile int serverJitterBlocks = -1;
    private volatile long lastLost;
    /** Control thread only: the strips in server order, for levels and mute-state updates. */
    private List<StripView> strips = List.of();
    private int ownChannel = -1;
    /** Told every engine event after this session (the JSON-RPC server); kept over engine rebuilds. */
    private volatile ClientListener alsoNotified;
    /** Sends the stored password when a private server's lobby greets us, or asks the musician once. */
    private final LobbyAnswerer lobby = new LobbyAnswerer();
    /** The window's settings (EDT-owned): read on the EDT only, for the stored password of the server connected to. */
    private volatile ClientSettings settings;

    /** How a new engine finds its backend after a settings change (the start-up's choice; tests give a fake one). */
    public void useBackends(Function<ClientSettings, Optional<AudioBackendProvider>> chooseBackend) {
        backends = chooseBackend;
    }

    /** Call before the first engine is built: every engine of this session reports to {@code listener} too. */
    public void alsoNotify(ClientListener listener) {
        this.alsoNotified = listener;
    }

    /** The listener this session's engines are built with: the session first, then whoever asked to be told. */
    ClientListener listener() {
        ClientListener also = alsoNotified;
        return also == null ? this : new ListenerFanout(List.of(this, also));
    }

    /** {@code engine} must have been created with this object as (or behind) its listener. */
    public void bind(ClientEngine engine, ClientWindowEvents events, ClientSettings settings) {
        this.engine = engine;
        this.appliedFormat = formatKey(settings);
        this.events = events;
        this.settings = settings;
    }

    public ClientEngine engine() {
        return engine;
    }

    private void ui(Consumer<ClientWindowEvents> call) {
        ClientWindowEvents e = events;
        if (e != null) {
            SwingUtilities.invokeLater(() -> call.accept(e));
        }
    }

    // ------------------------------------------------------------ ClientSession (EDT)

    @Override
    public void connect(String serverAddress) {
        address = serverAddress;
        userLeft = false;
        lobby.connecting(LobbyAnswerer.storedPassword(settings, serverAddress));
        engine.connect(serverAddress).whenComplete((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                ui(e -> e.disconnected(I18n.tr("main.connectFailed", serverAddress, String.valueOf(cause.getMessage()))));
            }
        });
    }

    @Override
    public void disconnect() {
        userLeft = true;
        engine.disconnect();
    }

    @Override
    public void muteMyself(boolean muted) {
        engine.setMuteMyself(muted);
    }

    @Override
    public void hearMyself(boolean on) {
        engine.setHearMyself(on);
    }

    @Override
    public Path startRecording(Path parent) throws IOException {
        return engine.startRecording(parent);
    }

    @Override
    public Path stopRecording() {
        return engine.stopRecording();
    }

    @Override
    public void inputBalance(int balance) {
        engine.setInputPan(balance);
    }

    @Override
    public void sendChat(String text) {
        engine.sendChat(text);
    }

    @Override
    public void lobbyPassword(String password, boolean remember) {
        String send = lobby.answered(password, remember);
        if (send != null) {
            engine.sendChat(send); // not shown: the lobby does not echo it either
        }
    }

    @Override
    public void queryDirectory(String directoryAddress, ServerListSink sink) {
        directories.browse(directoryAddress, sink);
    }

    @Override
    public void stopDirectory() {
        directories.stop();
    }

    @Override
    public IndicatorReadings status() {
        ClientStatus s = engine.status();
        if (!s.connected()) {
            // the sound check: the input meters move before connecting as well
            return new IndicatorReadings(false, dbfs(engine.inputPeakLeft()), dbfs(engine.inputPeakRight()), -1, -1, true,
                    0);
        }
        boolean jitterOk = s.framesLost() == lastLost;
        lastLost = s.framesLost();
        int delay = s.pingMs() < 0 ? -1 : DelayEstimate.overallMs(s.pingMs(), s.jitterBlocks(),
                serverJitterBlocks < 0 ? s.jitterBlocks() : serverJitterBlocks, s.bufferFrames());
        return new IndicatorReadings(true, dbfs(s.inputPeakLeft()), dbfs(s.inputPeakRight()), s.pingMs(), delay, jitterOk,
                s.uploadKbps());
    }

    /** A linear peak (0..1) in dBFS, −100 for silence. */
    static double dbfs(float peak) {
        return peak <= 1e-5f ? -100 : 20 * Math.log10(peak);
    }

    /**
     * Profile, boost, balance and jitter buffers go to the running engine. A new device or stream format needs a new
     * engine: built off the EDT (probing and closing take time), fader memory carried over, and the session
     * reconnected to the same server if it was connected.
     */
    @Override
    public void settingsChanged(ClientSettings s, boolean streamChanged) {
        settings = s;
        ClientEngine current = engine;
        if (!streamChanged) {
            EngineFactory.applyRuntime(current, s);
            String format = formatKey(s);
            if (!format.equals(appliedFormat)) {
                appliedFormat = format;
                EngineFactory.applyStreamFormat(current, s);
            }
            return;
        }
        appliedFormat = formatKey(s);
        String reconnect = connectedNow ? address : null;
        // The EDT owns s: the swap thread works on its own copy and hands the carried faders back to the EDT.
        ClientSettings forSwap = SettingsStore.copy(s);
        Thread.ofPlatform().daemon().name("tutti-engine-swap").start(() -> {
            var backend = backends.apply(forSwap);
            if (backend.isEmpty()) {
                return;
            }
            storedFaders(current).ifPresent(faders -> {
                forSwap.faders = faders;
                SwingUtilities.invokeLater(() -> s.faders = new LinkedHashMap<>(faders));
            });
            userLeft = true;
            boolean muted = current.muteMyself();
            boolean hear = current.hearMyself();
            if (current.recording() != null) {
                ui(e -> e.showHomeRecording(null)); // the take ends with its engine; a new one is a new take
            }
            current.close(); // the old engine's sound check frees the device before the new one opens it
            ClientEngine next = EngineFactory.create(forSwap, backend.get(), this);
            next.setMuteMyself(muted); // the "mute myself" box keeps its state over the new engine
            next.setHearMyself(hear); // and so does "hear myself"
            engine = next;
            if (reconnect != null) {
                SwingUtilities.invokeLater(() -> connect(reconnect));
            }
        });
    }

    /** The fader memory of {@code engine}, read on its control thread; empty if it does not answer in 2 s. */
    public static Optional<Map<String, FaderSettings>> storedFaders(ClientEngine engine) {
        var faders = new CompletableFuture<Map<String, FaderSettings>>();
        engine.mixer(m -> faders.complete(new LinkedHashMap<>(m.storedSettings())));
        try {
            return Optional.of(faders.get(2, TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty(); // keep what the settings had
        }
    }

    static String formatKey(ClientSettings s) {
        return s.audio.quality + "|" + s.audio.channels + "|" + s.audio.smallNetworkBuffers;
    }

    // ------------------------------------------------------------ MidiTarget (MIDI input thread)

    /** The MIDI control this session's strips answer to (set once, before the window opens). */
    public void useMidi(MidiSession session) {
        midi = session;
    }

    @Override
    public boolean channelMappingFellBack() {
        return engine.channelMappingFellBack();
    }

    @Override
    public MidiSession midi() {
        return midi;
    }

    @Override
    public void mixer(Consumer<MixerModel> midiChange) {
        if (engine != null) { // a control moved before the window is bound has nothing to move yet
            change(midiChange);
        }
    }

    @Override
    public void muteMyselfFromMidi(boolean muted) {
        if (engine == null) {
            return;
        }
        engine.setMuteMyself(muted);
        ui(e -> e.showMuteMyself(muted));
    }

    // ------------------------------------------------------------ MixerActions (EDT -> engine thread)

    private void change(Consumer<MixerModel> c) {
        engine.mixer(m -> {
            c.accept(m);
            strips = snapshot(m.channels(), m.ownChannelId());
            List<StripView> copy = strips;
            ui(e -> e.strips(copy));
        });
    }

    @Override
    public void fader(int channelId, int fader) {
        change(m -> m.setFader(channelId, fader));
    }

    @Override
    public void pan(int channelId, int pan) {
        change(m -> m.setPan(channelId, pan));
    }

    @Override
    public void mute(int channelId, boolean mute) {
        change(m -> m.setMute(channelId, mute));
    }

    @Override
    public void solo(int channelId, boolean solo) {
        change(m -> m.setSolo(channelId, solo));
    }

    @Override
    public void group(int channelId, int group) {
        change(m -> m.setGroup(channelId, group));
    }

    @Override
    public void edit(Consumer<MixerModel> c) {
        if (engine != null) {
            change(c);
        }
    }

    @Override
    public void soloGroup(Set<Integer> channelIds) {
        Set<Integer> ids = Set.copyOf(channelIds);
        change(m -> m.soloGroup(ids));
    }

    // ------------------------------------------------------------ ClientListener (engine control thread)

    private static List<StripView> snapshot(List<MixerChannel> channels, int own) {
        List<StripView> list = new ArrayList<>(channels.size());
        for (MixerChannel ch : channels) {
            list.add(StripView.of(ch, own));
        }
        return List.copyOf(list);
    }

    @Override
    public void homeRecordingFailed(Path take, String reason) {
        ui(e -> e.homeRecordingFailed(take, reason));
    }

    @Override
    public void feedbackDetected() {
        change(m -> { }); // the engine muted our strip: show it
        ui(e -> {
            e.showMuteMyself(true);
            e.feedbackDetected();
        });
    }

    @Override
    public void connected(int channelId) {
        connectedNow = true;
        ownChannel = channelId;
        String a = address;
        ui(e -> e.connected(a));
    }

    @Override
    public void disconnected(String reason) {
        ui(e -> e.following(""));
        connectedNow = false;
        strips = List.of();
        ownChannel = -1;
        String shown = userLeft ? "" : reason;
        ui(e -> e.disconnected(shown));
    }

    @Override
    public void clientListChanged(List<MixerChannel> channels) {
        strips = snapshot(channels, ownChannel);
        List<StripView> copy = strips;
        ui(e -> e.strips(copy));
    }

    @Override
    public void levelsChanged(int[] levels) {
        List<StripView> old = strips;
        List<StripView> next = new ArrayList<>(old.size());
        for (int i = 0; i < old.size(); i++) {
            StripView v = old.get(i);
            int level = i < levels.length ? levels[i] : 0;
            next.add(level == v.level() ? v : withLevel(v, level));
        }
        strips = List.copyOf(next);
        List<StripView> copy = strips;
        ui(e -> e.strips(copy));
    }

    private static StripView withLevel(StripView v, int level) {
        return new StripView(v.channelId(), v.name(), v.instrument(), v.country(), v.city(), v.skill(), v.fader(),
                v.pan(), v.mute(), v.solo(), v.group(), v.mutedByOther(), level, v.own());
    }

    @Override
    public void mutedByOtherChanged(int channelId, boolean muted) {
        List<StripView> next = new ArrayList<>();
        for (StripView v : strips) {
            next.add(v.channelId() != channelId ? v : new StripView(v.channelId(), v.name(), v.instrument(),
                    v.country(), v.city(), v.skill(), v.fader(), v.pan(), v.mute(), v.solo(), v.group(), muted,
                    v.level(), v.own()));
        }
        strips = List.copyOf(next);
        List<StripView> copy = strips;
        ui(e -> e.strips(copy));
    }

    @Override
    public void chatReceived(String html) {
        LobbyAnswerer.Action a = lobby.chat(html);
        if (a.send() != null) {
            engine.sendChat(a.send());
        }
        if (a.show()) {
            ui(e -> e.chat(html));
        }
        String server = address;
        if (a.ask() != LobbyAnswerer.Ask.NO) {
            boolean wrong = a.ask() == LobbyAnswerer.Ask.WRONG;
            ui(e -> e.lobbyPasswordNeeded(server, wrong));
        }
        if (a.remember() != null) {
            String password = a.remember();
            ui(e -> e.rememberPassword(server, password));
        }
        String followed = ConductorText.followedIn(html);
        if (followed != null) {
            String name = ConductorText.unescape(followed);
            ui(e -> e.following(name));
        }
    }

    @Override
    public void licenceRequired(LicenceType licence) {
        ui(ClientWindowEvents::licenceRequired);
    }

    @Override
    public void recorderStateChanged(RecorderState state) {
        ui(e -> e.recording(state == RecorderState.RECORDING));
    }

    @Override
    public void serverJitterBufferChanged(int blocks) {
        serverJitterBlocks = blocks;
    }
}
