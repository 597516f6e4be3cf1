package org.tutti.client.ui;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerModel;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;

/**
 * Starts the desktop client: settings, language, theme, the main window; then probes audio backends in the
 * background. {@link #run} blocks until the window is closed so the launcher can exit afterwards.
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    /** Opens the window and waits for it to close; returns the exit code. */
    public static int run(boolean forceEnglish, String connectAddress, PrintStream err) {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("tutti: no display available; use -n to run without a window");
            return 1;
        }
        SettingsStore store = SettingsStore.atDefaultLocation();
        SettingsStore.Loaded loaded = store.load();
        ClientSettings settings = loaded.settings();
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
        OfflineSession session = new OfflineSession();
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeLater(() -> {
            Theme.install(theme);
            MixerModel model = new MixerModel();
            model.loadStoredSettings(settings.faders);
            GainSink noEngine = new GainSink() {
                @Override
                public void gain(int channelId, double gain) {
                }

                @Override
                public void pan(int channelId, double pan) {
                }
            };
            MainWindow w = new MainWindow(session, new MixerPresenter(model, noEngine), settings, prefs,
                    ServerMode.NONE, save);
            session.attach(w);
            w.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                    settings.faders = new java.util.LinkedHashMap<>(model.storedSettings());
                    save.run();
                    closed.countDown();
                }
            });
            w.setLocationByPlatform(true);
            w.setVisible(true);
            window[0] = w;
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
}
