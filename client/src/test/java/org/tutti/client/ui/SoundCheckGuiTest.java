package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.backend.fake.FakeStream;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * The sound check in the main window, with a real engine on a paced fake sound card whose microphone plays a tone and
 * no server: the input meters move, the "Hear myself" box turns the play-back on and off in the engine, and the
 * sound card's output follows it.
 */
class SoundCheckGuiTest extends GuiTestSupport {
    private ClientEngine engine;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static boolean silent(float[] samples) {
        for (float s : samples) {
            if (s != 0f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void metersMoveBeforeConnectingAndHearMyselfPlaysTheInputBack() {
        PacedFakeBackend card = new PacedFakeBackend((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                in[0][i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * (index + i) / 48_000));
                in[1][i] = in[0][i];
            }
        });
        ClientSettings s = new ClientSettings();
        s.profile.name = "Solo";
        EngineSession session = new EngineSession();
        engine = EngineFactory.create(s, card, session);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/soundcheck-" + ProcessHandle.current().pid());
        ServerPanelSettings own = new ServerPanelSettings("Mine", "", 0, "", 10, false, false, 0, "");
        MainWindow w = GuiActionRunner.execute(() -> DesktopApp.engineWindow(engine, session, s, prefs, own, () -> { }));
        robot.showWindow(w, null, false);
        FrameFixture f = new FrameFixture(robot, w);

        GuiWait.waitFor("input meters move with no server", () -> GuiActionRunner.execute(
                () -> w.status.left.level() > 4 && w.status.right.level() > 4));
        assertThat(engine.status().connected()).isFalse();
        FakeStream stream = card.opened.getLast();
        assertThat(silent(stream.lastOutput(0))).as("hear myself off: silence").isTrue();

        f.checkBox("hearMyself").requireEnabled().requireNotSelected().click();
        GuiWait.waitFor("the engine plays the input back", () -> engine.hearMyself()
                && !silent(stream.lastOutput(0)) && !silent(stream.lastOutput(1)));

        f.checkBox("hearMyself").click();
        GuiWait.waitFor("silence again", () -> !engine.hearMyself() && silent(stream.lastOutput(0)));
    }
}
