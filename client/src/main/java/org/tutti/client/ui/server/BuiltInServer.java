package org.tutti.client.ui.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.tutti.client.ui.I18n;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.BanFile;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMapper;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.server.ui.ServerPanel;
import org.tutti.server.ui.ServerPanelBinding;
import org.tutti.server.ui.ServerPanelListener;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * "Run my own server": starts a {@link ServerEngine} in this process, with its jam recorder and the chosen directory,
 * and shows its {@link ServerPanel} through a {@link ServerPanelBinding} (which talks to the engine off the EDT). Edits
 * that need a new socket (port, size, fast update, delay panning) restart the server; every edit is handed to
 * {@code onChange} so the settings file keeps it. With port mapping on, a {@link PortMapper} asks the home router to
 * forward the server's port for as long as it runs, and the panel shows the address to give friends.
 */
public final class BuiltInServer implements ServerMode, ServerPanelListener {
    private static final System.Logger LOG = System.getLogger("tutti.client");
    private final Consumer<String> join;
    private final Consumer<ServerPanelSettings> onChange;
    /** Where the bans are kept across restarts (in the settings folder), or null to keep them in memory only. */
    private final Path banFile;
    private final ServerPanel panel;
    private final ServerPanelBinding binding;
    private volatile ServerEngine engine;
    private volatile ServerPanelSettings settings;
    /** Opens the port on the home router while the server runs (when the settings say so). */
    private volatile PortMapper mapper;
    /** Follows the address to give friends (router or directory) and re-registers when it changes. */
    private volatile AddressWatch addressWatch;
    /** Counts mappers started, so that a late status of a closed one never overwrites the current one's line. */
    private final AtomicInteger mapperGeneration = new AtomicInteger();

    /** {@code join} connects this application's client to an address (the window's connect). */
    public BuiltInServer(ServerPanelSettings initial, Consumer<String> join) {
        this(initial, join, s -> { });
    }

    /** As above; {@code onChange} receives every applied change (on the EDT), to be saved. */
    public BuiltInServer(ServerPanelSettings initial, Consumer<String> join, Consumer<ServerPanelSettings> onChange) {
        this(initial, join, onChange, null);
    }

    /** As above; the bans are read from and written to {@code banFile} (null: not kept across restarts). */
    public BuiltInServer(ServerPanelSettings initial, Consumer<String> join, Consumer<ServerPanelSettings> onChange,
                         Path banFile) {
        this.join = join;
        this.banFile = banFile;
        this.onChange = onChange;
        this.settings = initial;
        this.panel = new ServerPanel(initial, this);
        this.binding = new ServerPanelBinding(panel);
        binding.onMetronomeSeen(m -> SwingUtilities.invokeLater(() -> keepMetronome(m)));
    }

    /** A tempo set from the panel, JSON-RPC or a musician's /tempo is kept for the next start (on the EDT). */
    private void keepMetronome(MetronomeSettings m) {
        ServerPanelSettings s = settings;
        if (engine != null && (m.bpm() != s.metronomeBpm() || m.beatsPerBar() != s.metronomeBeats())) {
            settings = s.withMetronome(m.bpm(), m.beatsPerBar());
            onChange.accept(settings);
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String start() {
        ServerPanelSettings s = settings;
        ServerEngine e;
        ServerEngine[] started = new ServerEngine[1];
        try {
            e = ServerEngine.start(config(s), new ServerEvents() {
                @Override
                public void bansChanged(List<Ban> bans) {
                    saveBans(bans);
                    binding.refresh();
                }

                @Override
                public void clientListChanged(List<String> names) {
                    binding.refresh();
                }

                @Override
                public void serverIdle() {
                    binding.refresh();
                }

                @Override
                public void engineFailed(Throwable cause) {
                    SwingUtilities.invokeLater(() -> failed(started[0], cause));
                }
            }, readBans(), s.isPrivate() ? s.password() : null);
            started[0] = e;
        } catch (IOException | RuntimeException ex) {
            return I18n.tr("server.startFailed", String.valueOf(s.port()), String.valueOf(ex.getMessage()));
        }
        e.hostRecorder(ServerPanelBinding.newRecorder(s, e.config().frameSamples()));
        e.allowChatCommands(s.chatCommands());
        e.setMetronome(false, s.metronomeBpm(), s.metronomeBeats()); // the tempo as last set, not yet clicking
        engine = e;
        binding.attach(e);
        startMapping(s, e.port());
        if (!s.directory().isBlank()) {
            binding.execute(() -> ServerPanelBinding.hostDirectory(e, s)); // may wait on DNS: not here
        }
        return "";
    }

    /** The bans of the ban file still holding; a bad line is skipped, an unreadable file is no bans (reported). */
    private List<Ban> readBans() {
        if (banFile == null) {
            return List.of();
        }
        try {
            return BanFile.read(banFile, Instant.now(), problem -> LOG.log(System.Logger.Level.WARNING, "ban file " + banFile + ": " + problem));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the ban file " + banFile + ": " + e.getMessage());
            return List.of();
        }
    }

    /** On the engine's event thread, which may block briefly on a file write. */
    private void saveBans(List<Ban> bans) {
        if (banFile == null) {
            return;
        }
        try {
            Files.createDirectories(banFile.toAbsolutePath().getParent());
            BanFile.write(banFile, bans);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the ban file " + banFile + ": " + e.getMessage());
        }
    }

    /**
     * The engine gave up after a crash loop and has shut itself down (a headless server exits for its supervisor
     * to restart it; here the musician is told, and switching server mode off and on starts a fresh server).
     */
    private void failed(ServerEngine e, Throwable cause) {
        if (e == null || engine != e) {
            return; // already stopped or replaced
        }
        engine = null;
        binding.detach();
        stopMapping();
        String why = I18n.tr("server.failed", String.valueOf(cause));
        binding.execute(() -> { // after any poll in flight, so its client count does not hide the message
            close(e); // finishes the recording in progress
            SwingUtilities.invokeLater(() -> {
                if (engine == null) {
                    panel.setServerStopped(why);
                }
            });
        });
    }

    private void startMapping(ServerPanelSettings s, int udpPort) {
        int generation = mapperGeneration.incrementAndGet();
        ServerEngine e = engine;
        PortMapper m = null;
        if (!s.portMapping()) {
            SwingUtilities.invokeLater(() -> panel.showPortMapping(PortMappingStatus.off(udpPort)));
        } else {
            m = PortMapper.start(udpPort, PortMapper.DEFAULT_LEASE, status -> SwingUtilities.invokeLater(() -> {
                if (generation == mapperGeneration.get()) {
                    panel.showPortMapping(status);
                }
            }));
        }
        mapper = m;
        PortMapper watched = m;
        if (e != null) {
            addressWatch = AddressWatch.start(ADDRESS_WATCH_PERIOD,
                    () -> watched == null ? PortMappingStatus.off(udpPort) : watched.status(),
                    e::addressSeenByDirectory, update -> SwingUtilities.invokeLater(() -> {
                        if (generation == mapperGeneration.get()) {
                            panel.showSharedAddress(update);
                        }
                    }), e::reRegister);
        }
    }

    /** How often the address to share is looked at (both views are in memory: cheap). */
    private static final java.time.Duration ADDRESS_WATCH_PERIOD = java.time.Duration.ofSeconds(1);

    /** Deletes the mapping on the worker thread (the router may take a few seconds to answer). */
    private void stopMapping() {
        mapperGeneration.incrementAndGet();
        AddressWatch w = addressWatch;
        addressWatch = null;
        if (w != null) {
            w.close();
        }
        PortMapper m = mapper;
        mapper = null;
        if (m != null) {
            binding.execute(m::close);
        }
        SwingUtilities.invokeLater(() -> panel.showPortMapping(null));
    }

    static ServerConfig config(ServerPanelSettings s) {
        return new ServerConfig(null, s.port(), s.maxUsers(), s.fastUpdate(), false, s.delayPanning(),
                s.welcomeHtml(), false, s.name(), s.city(), s.country(), ServerConfig.DEFAULT_TOS, false, null, null,
                false);
    }

    @Override
    public void stop() {
        ServerEngine e = engine;
        engine = null;
        binding.detach();
        stopMapping();
        if (e != null) {
            binding.execute(() -> close(e)); // closing waits for the engine thread: not on the EDT
        }
    }

    /**
     * At application exit (not on the EDT): stops the server and waits until it has unregistered and finished the
     * recording in progress, so that the process may exit right after.
     */
    public void shutdown() {
        stop();
        binding.close();
        try {
            binding.awaitClosed(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unregisters, stops the engine, then finishes the recording in progress. */
    private static void close(ServerEngine e) {
        JamRecorder r = e.recorder();
        e.close();
        if (r != null) {
            r.close();
        }
    }

    @Override
    public JComponent panel() {
        return panel;
    }

    public ServerPanel serverPanel() {
        return panel;
    }

    /** The running engine, or null. */
    public ServerEngine engine() {
        return engine;
    }

    /** The settings as last applied (what is saved). */
    public ServerPanelSettings settings() {
        return settings;
    }

    @Override
    public String joinAddress() {
        ServerEngine e = engine;
        return "127.0.0.1:" + (e != null ? e.port() : settings.port());
    }

    @Override
    public void settingsApplied(ServerPanelSettings next) {
        ServerPanelSettings before = settings;
        settings = next;
        onChange.accept(next);
        ServerEngine e = engine;
        if (e == null) {
            return;
        }
        if (next.needsRestartFrom(before)) {
            // The old socket must be closed before the new one binds (same port): both steps on the worker thread.
            engine = null;
            binding.detach();
            stopMapping();
            binding.execute(() -> {
                close(e);
                String problem = start();
                if (!problem.isEmpty()) {
                    SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(panel, problem));
                }
            });
        } else {
            binding.applyLive(before, next);
            if (next.portMapping() != before.portMapping()) {
                stopMapping();
                startMapping(next, e.port());
            }
        }
    }

    @Override
    public void recorderChanged(String folder, boolean enabled) {
        settings = settings.withRecorder(folder, enabled);
        onChange.accept(settings);
        binding.recorder(folder, enabled);
    }

    @Override
    public void newRecording() {
        binding.newRecording();
    }

    @Override
    public void joinOwnServer() {
        join.accept(joinAddress());
    }

}
