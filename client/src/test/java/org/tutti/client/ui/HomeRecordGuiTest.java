package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.HomeRecorder;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * The Record button in the main window, with a real engine on a paced fake sound card (the sound check, no server):
 * pressing it starts a take in the settings' recording folder and shows "Recording to …" in red; pressing it again
 * ends the take, whose two files hold the same number of frames.
 */
class HomeRecordGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;
    private ClientEngine engine;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theRecordButtonRecordsIntoTheChosenFolder() throws Exception {
        PacedFakeBackend card = new PacedFakeBackend((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                in[0][i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * (index + i) / 48_000));
                in[1][i] = in[0][i];
            }
        });
        ClientSettings s = new ClientSettings();
        s.profile.name = "Home";
        s.recording.folder = dir.toString();
        EngineSession session = new EngineSession();
        engine = EngineFactory.create(s, card, session);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/homerecord-" + ProcessHandle.current().pid());
        ServerPanelSettings own = new ServerPanelSettings("Mine", "", 0, "", 10, false, false, 0, "");
        MainWindow w = GuiActionRunner.execute(() -> DesktopApp.engineWindow(engine, session, s, prefs, own, () -> { }));
        robot.showWindow(w, null, false);
        FrameFixture f = new FrameFixture(robot, w);

        assertThat(GuiActionRunner.execute(() -> w.status.recordingTo.isShowing())).isFalse();
        f.toggleButton("homeRecord").requireNotSelected().click();
        GuiWait.waitFor("recording", () -> engine.recording() != null);
        HomeRecorder take = engine.recording();
        assertThat(take.folder().getParent()).isEqualTo(dir);
        f.toggleButton("homeRecord").requireSelected();
        f.label("homeRecordingTo").requireVisible().requireText(I18n.tr("status.recordingTo", take.folder()));
        assertThat(GuiActionRunner.execute(() -> w.status.recordingTo.getForeground()))
                .isEqualTo(ThemeColours.get(ThemeColours.RECORDING_BACKGROUND));
        GuiWait.waitFor("a second of audio", () -> take.framesWritten() >= 48_000);

        f.toggleButton("homeRecord").click();
        GuiWait.waitFor("stopped", () -> engine.recording() == null);
        assertThat(GuiActionRunner.execute(() -> w.status.recordingTo.isShowing())).isFalse();
        long ownBytes = Files.size(take.folder().resolve("own-input.wav"));
        assertThat(ownBytes).isGreaterThan(44 + 48_000 * 4);
        assertThat(Files.size(take.folder().resolve("mix.wav"))).isEqualTo(ownBytes);
    }
}
