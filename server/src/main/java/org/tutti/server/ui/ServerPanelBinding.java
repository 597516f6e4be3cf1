package org.tutti.server.ui;

import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.tutti.cli.UsageException;
import org.tutti.protocol.StreamBandwidth;
import org.tutti.server.directory.DirectoryRole;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.directory.ServerInfo;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.server.recorder.RecorderState;

/**
 * Binds a {@link ServerPanel} to a running {@link ServerEngine}, for the built-in server and the {@code -s} window.
 * One worker thread polls the engine once a second (clients, recorder state, registration) and shows the answer on
 * the EDT, and carries out the panel's edits: the EDT never waits for the engine, nor on DNS.
 */
public final class ServerPanelBinding implements ClientActions, AutoCloseable {
    private final ServerPanel panel;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("tutti-server-panel").unstarted(r));
    private volatile ServerEngine engine;
    private ScheduledFuture<?> polling;
    /** Sees the metronome's settings as each poll finds them (from the panel, JSON-RPC or a musician's /tempo). */
    private volatile Consumer<MetronomeSettings> metronomeSeen = m -> { };

    public ServerPanelBinding(ServerPanel panel) {
        this.panel = panel;
        if (SwingUtilities.isEventDispatchThread()) { // the panel is the EDT's
            panel.onClientActions(this);
        } else {
            SwingUtilities.invokeLater(() -> panel.onClientActions(this));
        }
        panel.metronomeControls().onChange((on, bpm, beats) -> worker.execute(() -> setMetronome(on, bpm, beats)));
        panel.conductorControls().onChange(id -> worker.execute(() -> {
            ServerEngine e = engine;
            try {
                if (e != null) {
                    e.setConductor(id); // false when that musician just left: the poll shows what holds
                    poll();
                }
            } catch (IllegalStateException stopping) {
                // the engine is closing: nothing to conduct
            }
        }));
    }

    private void setMetronome(boolean on, int bpm, int beats) {
        ServerEngine e = engine;
        if (e == null) {
            return;
        }
        try {
            MetronomeSettings now = e.setMetronome(on, bpm, beats);
            SwingUtilities.invokeLater(() -> panel.metronomeControls().show(now));
        } catch (IllegalStateException | IllegalArgumentException refused) {
            poll(); // no ID for it on this server, or the engine is stopping: show what holds
        }
    }

    /** {@code seen} receives the metronome's settings after each poll (on the panel's worker thread). */
    public void onMetronomeSeen(Consumer<MetronomeSettings> seen) {
        metronomeSeen = seen;
    }

    /** Shows {@code running} from now on (call on the EDT or any thread). */
    public synchronized void attach(ServerEngine running) {
        engine = running;
        if (polling != null) {
            polling.cancel(false);
        }
        polling = worker.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    /** Stops showing the engine (it is stopping); the table empties. */
    public synchronized void detach() {
        engine = null;
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
        SwingUtilities.invokeLater(() -> {
            panel.setClients(List.of());
            panel.setBans(List.of());
        });
    }

    /** Runs {@code work} on the panel's worker thread (engine calls, closing, restarting). */
    public void execute(Runnable work) {
        worker.execute(work);
    }

    /** Polls again now (a client joined or left). */
    public void refresh() {
        worker.execute(this::poll);
    }

    private void poll() {
        ServerEngine e = engine;
        if (e == null) {
            return;
        }
        try {
            List<ServerClientRow> rows = e.clients().stream().map(ServerPanelBinding::row).toList();
            List<Ban> bans = e.bans();
            RegistrationStatus registration = e.registrationStatus();
            String directory = e.directoryText();
            JamRecorder r = e.recorder();
            RecorderState state = r == null ? null : r.state();
            Path session = r == null ? null : r.currentSessionFolder();
            String error = r == null ? "" : r.errorMessage();
            MetronomeSettings metronome = e.metronome();
            List<ConductorControls.Choice> musicians = e.clients().stream()
                    .map(c -> new ConductorControls.Choice(c.id(), c.info().name())).toList();
            int conductor = e.conductor();
            metronomeSeen.accept(metronome);
            SwingUtilities.invokeLater(() -> {
                panel.metronomeControls().show(metronome);
                panel.conductorControls().show(musicians, conductor);
                panel.setClients(rows);
                panel.setBans(bans);
                panel.setRegistration(directory, registration);
                if (state != null) {
                    panel.setRecorderState(state, session, error);
                }
            });
        } catch (IllegalStateException stopped) {
            // engine closing: the next attach polls again
        }
    }

    private static ServerClientRow row(ClientSnapshot c) {
        String name = c.lobby() ? ServerText.tr("server.client.lobby", c.info().name()) : c.info().name();
        return new ServerClientRow(c.address(), name, c.jitterBufferSize(), c.audioChannels(),
                c.props() == null ? 0 : StreamBandwidth.ipKbps(c.props()), c.id(), c.lobby());
    }

    /** Lets client {@code id} in from the password lobby. */
    @Override
    public void admit(int id) {
        onEngine(e -> e.admit(id));
    }

    /** Kicks client {@code id} (the engine call waits for the engine thread: done on the worker). */
    @Override
    public void kick(int id) {
        onEngine(e -> e.kick(id));
    }

    /** Bans client {@code id}'s address for {@code length} (null: until unbanned). */
    @Override
    public void ban(int id, Duration length) {
        onEngine(e -> e.ban(id, length));
    }

    /** Ends the ban of {@code address}. */
    @Override
    public void unban(InetAddress address) {
        onEngine(e -> e.unban(address));
    }

    private void onEngine(Consumer<ServerEngine> action) {
        worker.execute(() -> {
            ServerEngine e = engine;
            if (e == null) {
                return;
            }
            try {
                action.accept(e);
            } catch (IllegalStateException stopped) {
                return; // engine closing: nothing left to act on
            }
            poll();
        });
    }

    /**
     * The parts of a change that a running server takes without a restart: welcome message, name/city/country,
     * directory (registers anew), recording folder and switch.
     */
    public void applyLive(ServerPanelSettings before, ServerPanelSettings next) {
        worker.execute(() -> {
            ServerEngine e = engine;
            if (e == null) {
                return;
            }
            e.setWelcomeMessage(next.welcomeHtml());
            if (before.chatCommands() != next.chatCommands()) {
                e.allowChatCommands(next.chatCommands());
            }
            if (!before.password().equals(next.password())) {
                e.setPassword(next.isPrivate() ? next.password() : null); // "" admits everyone waiting
            }
            if (!before.directory().equalsIgnoreCase(next.directory())) {
                hostDirectory(e, next);
            } else if (next.registrationChangedFrom(before)) {
                e.updateServerInfo(next.name(), next.city(), next.country());
            }
            if (!before.recordingDir().equals(next.recordingDir())
                    || before.recordingEnabled() != next.recordingEnabled()) {
                applyRecorder(e, next.recordingDir(), next.recordingEnabled());
            }
            poll();
        });
    }

    /** The recorder's folder or switch changed. */
    public void recorder(String folder, boolean enabled) {
        worker.execute(() -> {
            ServerEngine e = engine;
            if (e != null) {
                applyRecorder(e, folder, enabled);
                poll();
            }
        });
    }

    /** Ends the current recording; the next frame starts a new session. */
    public void newRecording() {
        worker.execute(() -> {
            ServerEngine e = engine;
            if (e != null && e.recorder() != null) {
                e.recorder().newSession();
            }
        });
    }

    private void applyRecorder(ServerEngine e, String folder, boolean enabled) {
        JamRecorder r = e.recorder();
        if (r == null) {
            return;
        }
        Path want;
        try {
            want = folder.isBlank() ? null : Path.of(folder);
        } catch (InvalidPathException bad) {
            SwingUtilities.invokeLater(() -> panel.setRecorderState(RecorderState.NOT_ENABLED, null, bad.getMessage()));
            return;
        }
        if (!Objects.equals(r.directory(), want)) {
            r.setDirectory(want);
        }
        r.setEnabled(enabled);
    }

    /** A recorder for the panel's folder and switch (not initialised without a folder). */
    public static JamRecorder newRecorder(ServerPanelSettings s, int frameSamples) {
        Path folder;
        try {
            folder = s.recordingDir().isBlank() ? null : Path.of(s.recordingDir());
        } catch (InvalidPathException bad) {
            folder = null;
        }
        return new JamRecorder(folder, s.recordingEnabled(), frameSamples, Clock.systemUTC());
    }

    /**
     * Hosts the directory role the panel asks for (none for ""); a bad address shows as "bad address" in the
     * registration status. Resolves host names: never on the EDT.
     */
    public static void hostDirectory(ServerEngine e, ServerPanelSettings s) {
        ServerInfo info = ServerInfo.truncating(s.name(), s.city(), s.country());
        DirectoryRole role;
        try {
            role = DirectoryRole.forDirectory(s.directory(), info, e.port(), e.config().maxClients(), e.clmSink(),
                    ServerEngine.nowMs());
        } catch (UsageException bad) {
            role = noDirectory(e, info);
        }
        e.hostDirectory(role);
    }

    private static DirectoryRole noDirectory(ServerEngine e, ServerInfo info) {
        try {
            return DirectoryRole.forDirectory("", info, e.port(), e.config().maxClients(), e.clmSink(),
                    ServerEngine.nowMs());
        } catch (UsageException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Stops polling; work already handed over (closing an engine) still runs. */
    @Override
    public void close() {
        detach();
        worker.shutdown();
    }

    /** Waits until the work handed over before {@link #close} is done (e.g. a recording being finished). */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitTermination(timeout, unit);
    }
}
