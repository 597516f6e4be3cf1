package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.swing.ToolTipManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.directory.DirectoryBrowser;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.DirectoryBrowsing;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;
import org.tutti.client.ui.connect.RecordedServerList;
import org.tutti.client.ui.server.BuiltInServer;
import org.tutti.client.ui.server.ServerModeSettings;
import org.tutti.interop.FreePorts;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.testing.Await;

/**
 * "Run my own server" with everything real: the built-in server registers with a Tutti directory chosen in the
 * panel, its jam recorder writes WAV files into a temp folder (the client shows RECORDING ACTIVE), "New recording"
 * starts a second session, and every field the panel applied is in the settings file and comes back from it.
 */
class ServerModeGuiTest extends GuiTestSupport {
    @TempDir
    Path work;
    private HeadlessServer directory;
    private ClientEngine engine;
    private MainWindow window;

    @AfterEach
    void stop() throws Exception {
        GuiActionRunner.execute(() -> ToolTipManager.sharedInstance().setEnabled(true));
        if (window != null) {
            GuiActionRunner.execute(() -> window.serverMode.stop());
        }
        if (engine != null) {
            engine.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    private static long count(Path folder, String suffix, boolean directories) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> !f.equals(folder) && Files.isDirectory(f) == directories
                    && f.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether the directory lists {@code name}, asked as the Connection Setup asks: rows arrive one by one as each
     * server answers, so "not listed" means not within a few seconds of asking.
     */
    private static boolean listed(String directoryAddress, String name) throws Exception {
        RecordedServerList rows = new RecordedServerList();
        try (DirectoryBrowser browser = DirectoryBrowsing.start(directoryAddress, rows)) {
            return Await.holdsWithin(Duration.ofSeconds(5),
                    () -> rows.lists.stream().flatMap(List::stream).anyMatch(r -> r.name().equals(name)));
        }
    }

    @Test
    void builtInServerRegistersRecordsAndRemembersItsSettings() throws Exception {
        directory = ShowAllMusiciansGuiTest.start("-s", "-n", "-p", "0", "--serverbindip", "127.0.0.2",
                "-e", "localhost", "-o", "Tutti Dir;Bern;ch");
        String dirAddress = "127.0.0.2:" + directory.udpPort();
        Path jams = Files.createDirectory(work.resolve("jams"));
        SettingsStore store = new SettingsStore(work.resolve("settings.json"));
        ClientSettings settings = store.load().settings();
        settings.profile.name = "Me";
        settings.server.port = FreePorts.udp();
        settings.server.portMapping = false; // a test never asks the machine's real router (namespaces do that)
        EngineSession session = new EngineSession();
        session.useBackends(s -> Optional.of(new PacedFakeBackend()));
        engine = EngineFactory.create(settings, new PacedFakeBackend(), session);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/servermode-" + ProcessHandle.current().pid());
        window = GuiActionRunner.execute(() -> DesktopApp.engineWindow(engine, session, settings, prefs,
                ServerModeSettings.read(settings.server), () -> {
                    try {
                        store.save(settings);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        // A tooltip popping up under the pointer after typing would take the next click meant for a control below.
        GuiActionRunner.execute(() -> ToolTipManager.sharedInstance().setEnabled(false));
        robot.showWindow(window, new Dimension(1200, 1000), false);
        FrameFixture w = new FrameFixture(robot, window);
        w.menuItem("menu.server").click();
        w.menuItem("menuRunServer").click();
        w.label("serverRegistration").requireText("Not registered: private server");

        w.textBox("server.name").deleteText().enterText("Own Jam");
        w.textBox("server.city").deleteText().enterText("Lyon");
        w.comboBox("serverDirectory").selectItem("Custom directory");
        w.textBox("serverDirectoryCustom").requireEnabled().enterText(dirAddress);
        w.textBox("server.recordingDir").deleteText().enterText(jams.toString());
        w.textBox("serverWelcome").deleteText().enterText("Hi from my own server");
        w.button("serverApply").click();
        GuiWait.waitFor("registered with the chosen directory", () -> w.label("serverRegistration").text().equals("Registered"));
        assertThat(listed(dirAddress, "Own Jam")).as("the directory lists the built-in server").isTrue();
        GuiWait.waitFor("recorder waits for musicians", () -> w.label("serverRecorderStatus").text()
                .equals("Recording as soon as musicians are connected"));

        // Join: our own track is recorded and the client shows the server's recorder state.
        w.button("joinOwnServer").click();
        GuiWait.waitFor("own client in the table", () -> Arrays.stream(w.table("serverClients").contents())
                .anyMatch(r -> r[1].equals("Me")));
        GuiWait.waitFor("a WAV file in the recording folder", () -> count(jams, ".wav", false) > 0);
        GuiWait.waitFor("status names the session", () -> w.label("serverRecorderStatus").text().startsWith("Recording to Jam-"));
        GuiWait.waitFor("RECORDING ACTIVE in the client", () -> GuiActionRunner.execute(
                () -> window.recording.isShowing()));
        assertThat(count(jams, "", true)).as("one session folder").isEqualTo(1);

        w.button("serverNewRecording").click();
        GuiWait.waitFor("a second session with its own WAV", () -> count(jams, "", true) == 2 && count(jams, ".wav", false) >= 2);

        w.checkBox("serverRecorder").click();
        GuiWait.waitFor("recorder off", () -> w.label("serverRecorderStatus").text().equals("Not recording"));
        GuiWait.waitFor("banner gone", () -> !GuiActionRunner.execute(() -> window.recording.isShowing()));
        w.button("serverNewRecording").requireDisabled();

        // Every applied field is in the settings file, and a restarted app shows them again.
        ClientSettings.Server saved = new SettingsStore(store.file()).load().settings().server;
        assertThat(saved.name).isEqualTo("Own Jam");
        assertThat(saved.city).isEqualTo("Lyon");
        assertThat(saved.directory).isEqualTo(dirAddress);
        assertThat(saved.recordingDir).isEqualTo(jams.toString());
        assertThat(saved.recordingEnabled).isFalse();
        assertThat(saved.welcomeMessage).isEqualTo("Hi from my own server");
        assertThat(saved.port).isEqualTo(settings.server.port);
        BuiltInServer restarted = GuiActionRunner.execute(() -> new BuiltInServer(ServerModeSettings.read(saved),
                a -> { }));
        assertThat(GuiActionRunner.execute(() -> restarted.serverPanel().settings()))
                .isEqualTo(((BuiltInServer) window.serverMode).settings());

        // Choosing no directory unregisters.
        w.comboBox("serverDirectory").selectItem("None (private server)");
        w.button("serverApply").click();
        GuiWait.waitFor("private again", () -> w.label("serverRegistration").text().equals("Not registered: private server"));
        assertThat(listed(dirAddress, "Own Jam")).as("unregistered from the directory").isFalse();
        assertThat(new SettingsStore(store.file()).load().settings().server.directory).isEmpty();
    }
}
