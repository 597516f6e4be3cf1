package org.tutti.client.ui.server;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.tutti.cli.ParsedOptions;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Theme;
import org.tutti.client.ui.UiPrefs;
import org.tutti.client.ui.widgets.OnScreen;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.server.recorder.RecorderState;
import org.tutti.server.ui.ScrollingForm;
import org.tutti.server.ui.ServerPanel;
import org.tutti.server.ui.ServerPanelBinding;
import org.tutti.server.ui.ServerPanelListener;
import org.tutti.server.ui.ServerPanelSettings;
import org.tutti.server.ui.ServerText;

/**
 * The window of a server started with {@code -s} and without {@code -n}, as Jamulus opens one: the {@link ServerPanel}
 * bound to the server the command line started (JSON-RPC, log, recorder and directory included). Port, size, fast
 * update and delay panning stay as the command line set them; closing the window stops the server cleanly. Without a
 * display the server runs headless and says so in one line.
 */
public final class ServerWindow extends JFrame implements ServerPanelListener {
    private final ServerPanelBinding binding;
    private final ServerPanel panel;
    private volatile ServerPanelSettings current;

    private ServerWindow(HeadlessServer server, ServerPanelSettings initial) {
        super(title(initial.name()));
        setName("serverWindow");
        current = initial;
        panel = new ServerPanel(initial, this);
        panel.lockStartOptions(ServerText.tr("server.locked"));
        binding = new ServerPanelBinding(panel);
        binding.attach(server.engine());
        // --portmapping runs in the headless server: its status is polled, as cheap as reading a volatile
        Timer mapping = new Timer(2000, e -> {
            panel.showPortMapping(server.portMapping());
            panel.showSharedAddress(server.sharedAddress());
        });
        mapping.setInitialDelay(0);
        mapping.start();
        setContentPane(ScrollingForm.wrap(panel)); // scrolls when the screen is smaller than the panel
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                mapping.stop();
                binding.close();
                Thread.ofPlatform().name("server-window-close").start(server::close); // waits for the engine
            }
        });
        pack();
        OnScreen.limit(this);
    }

    private static String title(String name) {
        return name.isBlank() ? ServerText.tr("server.window.title") : ServerText.tr("server.window.titleWithName", name);
    }

    /** The launcher's {@code -s} path: a window when there is a display, else exactly the headless server. */
    public static int run(ParsedOptions options, PrintStream out, PrintStream err) {
        if (GraphicsEnvironment.isHeadless()) {
            out.println("- no display available: running the server without its window (as with -n)");
            return HeadlessServer.run(options, out, err);
        }
        return HeadlessServer.run(options, out, err, server -> open(server, options.has("notranslation"), out));
    }

    /** Opens the window for a running server; on a display that fails, the server keeps running headless. */
    static void open(HeadlessServer server, boolean forceEnglish, PrintStream out) {
        ServerPanelSettings initial = settingsOf(server.engine(),
                server.portMapping().state() != PortMappingStatus.State.OFF);
        UiPrefs prefs = UiPrefs.load();
        I18n.use(prefs.language, forceEnglish);
        Theme theme = prefs.theme.resolve();
        try {
            SwingUtilities.invokeAndWait(() -> {
                Theme.install(theme);
                ServerWindow w = new ServerWindow(server, initial);
                // Shown where created: asking the platform to place it races with the window system (see toolchain notes).
                w.setVisible(true);
            });
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AWTError || e.getCause() instanceof HeadlessException) {
                out.println("- no display available: running the server without its window (as with -n)");
                return;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // Stopped another way (SIGTERM, shutdown): the window goes too.
        Thread.ofPlatform().daemon().name("server-window-watch").start(() -> {
            server.awaitStop();
            SwingUtilities.invokeLater(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof ServerWindow sw && sw.isDisplayable()) {
                        sw.dispose();
                    }
                }
            });
        });
    }

    /** What the command line started, as the panel shows it. */
    static ServerPanelSettings settingsOf(ServerEngine e, boolean portMapping) {
        ServerConfig c = e.config();
        JamRecorder r = e.recorder();
        String folder = r == null || r.directory() == null ? "" : r.directory().toString();
        boolean recording = r == null || r.state() != RecorderState.NOT_ENABLED;
        return new ServerPanelSettings(e.serverName(), c.serverCity(), c.serverCountry(), e.welcomeMessage(),
                c.maxClients(), c.delayPan(), c.fastUpdate(), e.port(), folder, recording, e.directoryText(),
                portMapping, 0);
    }

    public ServerPanel serverPanel() {
        return panel;
    }

    @Override
    public void settingsApplied(ServerPanelSettings next) {
        binding.applyLive(current, next);
        current = next;
        setTitle(title(next.name()));
    }

    @Override
    public void recorderChanged(String folder, boolean enabled) {
        current = current.withRecorder(folder, enabled);
        binding.recorder(folder, enabled);
    }

    @Override
    public void newRecording() {
        binding.newRecording();
    }

    @Override
    public void joinOwnServer() {
        // no client in a server window: the button is hidden
    }

}
