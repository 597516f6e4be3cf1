package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.model.MixerModel;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;
import org.tutti.client.ui.connect.Directories;
import org.tutti.client.ui.mixer.MixerPresenter;
import org.tutti.client.ui.server.ServerMode;

/** Connection Setup adds and removes custom directories and forgets addresses; the settings file keeps it. */
class ConnectListsGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void directoriesAndForgottenAddressesAreKeptInTheSettingsFile() {
        SettingsStore store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
        RecordingSession session = new RecordingSession();
        MainWindow window = GuiActionRunner.execute(() -> {
            ClientSettings settings = new ClientSettings();
            settings.network.customDirectories.add("old.example.org:22224");
            settings.network.recentServers.add("jam.example.org:22124");
            settings.network.recentServers.add("127.0.0.1:22124");
            MixerPresenter presenter = new MixerPresenter(new MixerModel(), new RecordingSink());
            MainWindow w = new MainWindow(session, presenter, settings,
                    UiPrefs.load("org/tutti/test/ui-" + ProcessHandle.current().pid()), ServerMode.NONE, () -> {
                        try {
                            store.save(settings);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            presenter.attach(w::strips);
            session.events = w;
            return w;
        });
        robot.showWindow(window, null, false);
        FrameFixture w = new FrameFixture(robot, window);
        w.button("connectButton").click();
        DialogFixture connect = WindowFinder.findDialog("connectDialog").using(robot);
        connect.button("removeDirectory").requireDisabled(); // a public directory is selected

        connect.button("addDirectory").click();
        JOptionPaneFixture ask = JOptionPaneFinder.findOptionPane().using(robot);
        ask.textBox().enterText("my.directory.example:22300");
        ask.okButton().click();
        int builtIn = Directories.all(java.util.List.of()).size();
        assertThat(items(connect)).isEqualTo(builtIn + 2);
        GuiWait.waitFor("the new directory asked for its servers",
                () -> session.calls.contains("query my.directory.example:22300"));
        connect.button("removeDirectory").requireEnabled();

        connect.comboBox("directory").selectItem(builtIn); // old.example.org
        connect.button("removeDirectory").click();
        assertThat(items(connect)).isEqualTo(builtIn + 1);

        connect.comboBox("address").selectItem("jam.example.org:22124");
        connect.button("forgetAddress").click();
        assertThat(connect.comboBox("address").contents()).containsExactly("127.0.0.1:22124");
        connect.button("cancel").click();

        ClientSettings saved = store.load().settings();
        assertThat(saved.network.customDirectories).containsExactly("my.directory.example:22300");
        assertThat(saved.network.recentServers).containsExactly("127.0.0.1:22124");
    }

    private static int items(DialogFixture connect) {
        return GuiActionRunner.execute(() -> connect.comboBox("directory").target().getItemCount());
    }

    @Test
    void aBadDirectoryIsRefusedWithAReason() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.button("connectButton").click();
        DialogFixture connect = WindowFinder.findDialog("connectDialog").using(robot);
        connect.button("addDirectory").click();
        JOptionPaneFixture ask = JOptionPaneFinder.findOptionPane().using(robot);
        ask.textBox().enterText("anygenre1.jamulus.app");
        ask.okButton().click();
        assertThat(items(connect))
                .isEqualTo(Directories.all(java.util.List.of()).size());
        assertThat(GuiActionRunner.execute(() -> connect.textBox("connectStatus").target().getText()))
                .contains("already in the list");
        connect.button("cancel").click();
        assertThat(GuiActionRunner.execute(() -> f.window().settings().network.customDirectories)).isEmpty();
    }
}
