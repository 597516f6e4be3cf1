package org.tutti.client.ui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.ui.ServerClientRow;
import org.tutti.server.ui.ServerPanel;
import org.tutti.server.ui.ServerPanelListener;
import org.tutti.server.ui.ServerPanelSettings;
import org.tutti.server.ui.ServerText;

/**
 * "Run my own server": starts a {@link ServerEngine} in this process and shows its {@link ServerPanel}. The client
 * table is refreshed off the EDT (the engine answers queries on its own thread) once a second and after each join
 * or leave; edits that need a new socket (port, size, fast update, delay panning) restart the server.
 */
public final class BuiltInServer implements ServerMode, ServerPanelListener {
    private final Consumer<String> join;
    private final ServerPanel panel;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("tutti-server-panel").unstarted(r));
    private volatile ServerEngine engine;
    private volatile ScheduledFuture<?> polling;
    private volatile ServerPanelSettings settings;

    /** {@code join} connects this application's client to an address (the window's connect). */
    public BuiltInServer(ServerPanelSettings initial, Consumer<String> join) {
        this.join = join;
        this.settings = initial;
        this.panel = new ServerPanel(initial, this);
        panel.setRecorderUnavailable(I18n.tr("server.recorderMissing"));
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String start() {
        try {
            ServerConfig c = config(settings);
            engine = ServerEngine.start(c, new ServerEvents() {
                @Override
                public void clientListChanged(List<String> names) {
                    refresh();
                }

                @Override
                public void serverIdle() {
                    refresh();
                }
            });
        } catch (IOException | RuntimeException e) {
            return I18n.tr("server.startFailed", settings.port(), String.valueOf(e.getMessage()));
        }
        polling = poller.scheduleWithFixedDelay(this::refresh, 0, 1, TimeUnit.SECONDS);
        return "";
    }

    static ServerConfig config(ServerPanelSettings s) {
        return new ServerConfig(null, s.port(), s.maxUsers(), s.fastUpdate(), false, s.delayPanning(),
                s.welcomeHtml(), false, s.name(), s.city(), s.country(), ServerConfig.DEFAULT_TOS, false, null, null,
                false);
    }

    @Override
    public void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        ServerEngine e = engine;
        engine = null;
        if (e != null) {
            poller.execute(e::close); // closing waits for the engine thread: not on the EDT
        }
        panel.setClients(List.of());
    }

    /** Polled off the EDT: the engine's client list, shown on the EDT. */
    private void refresh() {
        ServerEngine e = engine;
        if (e == null) {
            return;
        }
        try {
            List<ServerClientRow> rows = e.clients().stream().map(BuiltInServer::row).toList();
            SwingUtilities.invokeLater(() -> panel.setClients(rows));
        } catch (IllegalStateException stopped) {
            // engine closing: the next start refreshes again
        }
    }

    private static ServerClientRow row(ClientSnapshot c) {
        return new ServerClientRow(c.address(), c.info().name(), c.jitterBufferSize(), c.audioChannels());
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

    @Override
    public String joinAddress() {
        ServerEngine e = engine;
        return "127.0.0.1:" + (e != null ? e.port() : settings.port());
    }

    @Override
    public void settingsApplied(ServerPanelSettings next) {
        ServerPanelSettings before = settings;
        settings = next;
        ServerEngine e = engine;
        if (e == null) {
            return;
        }
        boolean restart = before.port() != next.port() || before.maxUsers() != next.maxUsers()
                || before.fastUpdate() != next.fastUpdate() || before.delayPanning() != next.delayPanning();
        if (restart) {
            // The old socket must be closed before the new one binds (same port): both steps on the poller thread.
            if (polling != null) {
                polling.cancel(false);
            }
            engine = null;
            poller.execute(() -> {
                e.close();
                String problem = start();
                if (!problem.isEmpty()) {
                    SwingUtilities.invokeLater(() -> javax.swing.JOptionPane.showMessageDialog(panel, problem));
                }
            });
        } else {
            e.setWelcomeMessage(next.welcomeHtml());
            e.setServerName(next.name());
        }
    }

    @Override
    public void recorderEnabled(boolean enabled) {
        panel.setRecorderStatus(ServerText.tr("server.recorderIdle"));
    }

    @Override
    public void newRecording() {
    }

    @Override
    public void joinOwnServer() {
        join.accept(joinAddress());
    }
}
