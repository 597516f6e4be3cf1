package org.tutti.client.app;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.client.cli.ClientCommandLine;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.cli.RpcOptions;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerModel;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.session.OfflineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.MainWindow;
import org.tutti.client.ui.Theme;
import org.tutti.client.ui.UiPrefs;
import org.tutti.client.ui.mixer.MixerPresenter;
import org.tutti.client.ui.server.BuiltInServer;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.ui.server.ServerModeSettings;
import org.tutti.client.ui.settings.BackendInfo;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Starts the desktop client: settings, language, theme, engine, main window; then probes the audio backends in the
 * background. {@link #run} blocks until the window is closed so the launcher can exit afterwards.
 */
public final class DesktopApp {
    /** The built-in server's bans, beside settings.json (the format of the server's {@code --banfile}). */
    public static final String BAN_FILE = "bans.txt";

    private DesktopApp() {
    }

    /**
     * Opens the window and waits for it to close; returns the exit code. {@code commandLine} is the one given to
     * {@link EngineFactory#useCommandLine}: its settings file is loaded and saved, its other options shape the engine.
     * {@code rpc} (from {@code --jsonrpcport}, bound but not accepting yet) or null: it serves the window's session.
     */
    public static int run(boolean forceEnglish, String connectAddress, ClientCommandLine commandLine,
                          JsonRpcServer rpc, PrintStream err) {
        return run(forceEnglish, connectAddress, commandLine, rpc, err, EngineFactory::backend);
    }

    /** As above, with the audio backend chosen by {@code backends} (tests give a paced fake one). */
    public static int run(boolean forceEnglish, String connectAddress, ClientCommandLine commandLine, JsonRpcServer rpc,
                   PrintStream err, Function<ClientSettings, Optional<AudioBackendProvider>> chooseBackend) {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("tutti: no display available; use -n to run without a window");
            if (rpc != null) {
                rpc.close();
            }
            return 1;
        }
        SettingsStore store = commandLine.settingsStore();
        SettingsStore.Loaded loaded = store.load();
        ClientSettings settings = loaded.settings();
        EngineFactory.profileNameAtStart(settings.profile.name);
        UiPrefs prefs = UiPrefs.load();
        I18n.use(prefs.language, forceEnglish);
        Theme theme = prefs.theme.resolve();
        CountDownLatch closed = new CountDownLatch(1);
        Runnable save = () -> {
            try {
                store.save(settings);
            } catch (IOException e) {
                err.println("tutti: cannot save settings: " + e.getMessage());
            }
        };
        Optional<AudioBackendProvider> backend = chooseBackend.apply(settings);
        EngineSession engineSession = new EngineSession();
        engineSession.useBackends(chooseBackend);
        DesktopRpc desktopRpc = rpc != null && backend.isPresent() ? new DesktopRpc(rpc, engineSession) : null;
        if (rpc != null && desktopRpc == null) {
            err.println("tutti: warning: no audio backend is installed, so JSON-RPC is off");
            rpc.close();
        }
        ClientEngine engine = backend.map(b -> EngineFactory.create(settings, b, engineSession)).orElse(null);
        MidiSession midi = EngineFactory.midiSession(settings, backend, engineSession,
                problem -> err.println("tutti: warning: " + problem));
        engineSession.useMidi(midi);
        if (desktopRpc != null) {
            desktopRpc.attachMidi(midi);
        }
        MainWindow[] window = new MainWindow[1];
        // SIGTERM or logout: close the audio device before the JVM goes (the window-close path does the same).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            midi.close();
            ClientEngine current = engine == null ? null : engineSession.engine();
            if (current != null) {
                current.close();
            }
            if (desktopRpc != null) {
                desktopRpc.close();
            }
        }, "tutti-desktop-shutdown"));
        SwingUtilities.invokeLater(() -> {
            Theme.install(theme);
            MainWindow w = engine != null ? engineWindow(engine, engineSession, settings, prefs,
                    ServerModeSettings.read(settings.server), save, store.file().resolveSibling(BAN_FILE))
                    : offlineWindow(settings, prefs, save);
            w.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    Thread.ofPlatform().start(() -> {
                        if (w.serverMode() instanceof BuiltInServer own) {
                            own.shutdown(); // unregisters and finishes the recording before the process exits
                        }
                        midi.close();
                        ClientEngine current = engine == null ? null : engineSession.engine();
                        var faders = current == null ? Optional.<Map<String, FaderSettings>>empty()
                                : EngineSession.storedFaders(current);
                        if (current != null) {
                            current.close();
                        }
                        if (desktopRpc != null) {
                            desktopRpc.close();
                        }
                        try { // the settings are the EDT's: the faders go in, and the file is written, there
                            SwingUtilities.invokeAndWait(() -> {
                                faders.ifPresent(f -> settings.faders = new LinkedHashMap<>(f));
                                save.run();
                            });
                        } catch (Exception edtGone) {
                            save.run(); // the EDT is gone: no one else touches the settings any more
                        }
                        closed.countDown();
                    });
                }
            });
            if (commandLine.hasClientName()) {
                // As Jamulus: the app's name first (scripts look for it), then --clientname.
                w.setTitle(I18n.tr("main.title") + " - " + commandLine.clientName());
            }
            if (engine != null && commandLine.muteStream()) {
                w.muteMyselfAtStart(); // -M: the engine starts muted; the box and the banner show it
            }
            if (!w.placedFromSettings()) {
                w.setLocationByPlatform(true);
            }
            w.setVisible(true);
            window[0] = w;
            if (desktopRpc != null) {
                desktopRpc.start(w);
                err.println(RpcOptions.listening(rpc));
            }
            if (loaded.hadProblem()) {
                JOptionPane.showMessageDialog(w, loaded.problem(), I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
            }
            if (connectAddress != null && !connectAddress.isBlank()) {
                w.connectTo(connectAddress);
            }
        });
        List<BackendInfo> backends = BackendInfo.probeAll();
        SwingUtilities.invokeLater(() -> window[0].backendsProbed(backends));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The window bound to a real engine and a switchable built-in server. */
    public static MainWindow engineWindow(ClientEngine engine, EngineSession session, ClientSettings settings, UiPrefs prefs,
                                   ServerPanelSettings serverSettings, Runnable save) {
        return engineWindow(engine, session, settings, prefs, serverSettings, save, null);
    }

    /** As above; the built-in server keeps its bans in {@code banFile} (null: not across restarts). */
    public static MainWindow engineWindow(ClientEngine engine, EngineSession session, ClientSettings settings, UiPrefs prefs,
                                   ServerPanelSettings serverSettings, Runnable save, Path banFile) {
        MainWindow[] ref = new MainWindow[1];
        BuiltInServer server = new BuiltInServer(serverSettings, a -> ref[0].connectTo(a), applied -> {
            ServerModeSettings.write(applied, settings.server);
            save.run();
        }, banFile);
        MainWindow w = new MainWindow(session, session, settings, prefs, server, save);
        ref[0] = w;
        session.bind(engine, w, settings);
        return w;
    }

    /** No audio backend installed at all: the window still opens and says so; nothing can connect. */
    private static MainWindow offlineWindow(ClientSettings settings, UiPrefs prefs, Runnable save) {
        OfflineSession session = new OfflineSession();
        MixerModel model = new MixerModel();
        model.loadStoredSettings(settings.faders);
        model.setNewClientLevel(settings.mixer.newClientLevel);
        MixerPresenter presenter = new MixerPresenter(model, new GainSink() {
            @Override
            public void gain(int channelId, double gain) {
            }

            @Override
            public void pan(int channelId, double pan) {
            }
        });
        MainWindow w = new MainWindow(session, presenter, settings, prefs, ServerMode.NONE, save);
        presenter.attach(w::strips);
        session.attach(w);
        return w;
    }
}
