package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Window;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.client.ui.connect.ConnectDialog;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.ui.settings.BackendInfo;

/**
 * Windows that fit (issue 17, item 5): a long directory problem keeps Connection Setup's buttons inside the dialog,
 * the "My server" tab of a 1000×640 window reaches its recorder controls and welcome message, and every window and
 * dialog fits a 1280×720 screen in English and French, at 100 % and at 200 % (FlatLaf's {@code flatlaf.uiScale=2} on
 * a 2560×1440 screen, i.e. 1280×720 in scaled units).
 */
class WindowsFitGuiTest extends GuiTestSupport {
    private static final String LONG_HOST = "a-directory-whose-name-is-much-longer-than-any-real-one.jamulus.example.org"
            + ":22124";

    @AfterEach
    void normalScale() {
        System.clearProperty("flatlaf.uiScale");
        GuiActionRunner.execute(() -> Theme.install(Theme.LIGHT));
    }

    /** FlatLaf's own scaling, which works under Xvfb in this JVM (sun.java2d.uiScale is fixed at JVM start). */
    private static void scale(int factor) {
        if (factor > 1) {
            System.setProperty("flatlaf.uiScale", Integer.toString(factor));
        } else {
            System.clearProperty("flatlaf.uiScale");
        }
        GuiActionRunner.execute(() -> Theme.install(Theme.LIGHT));
    }

    /** A 1280×720 screen at {@code factor}: its size in pixels. */
    private static Rectangle screen(int factor) {
        return new Rectangle(0, 0, 1280 * factor, 720 * factor);
    }

    private FrameFixture show(Fixture f) {
        robot.showWindow(f.window(), null, false);
        return new FrameFixture(robot, f.window());
    }

    private DialogFixture openConnectDialog(FrameFixture w) {
        w.button("connectButton").click();
        return WindowFinder.findDialog("connectDialog").using(robot);
    }

    @Test
    void aLongDirectoryProblemKeepsConnectionSetupButtonsInside() {
        Fixture f = window(ServerMode.NONE);
        f.session().directoryProblem = I18n.tr("connect.unresolved", LONG_HOST);
        FrameFixture w = show(f);
        DialogFixture connect = openConnectDialog(w);
        ConnectDialog dialog = (ConnectDialog) connect.target();
        GuiWait.waitFor("the directory's problem shown", () -> GuiActionRunner.execute(dialog::statusText)
                .contains(LONG_HOST));
        for (String button : List.of("connect", "cancel")) {
            Component b = connect.button(button).target();
            Rectangle inPane = GuiActionRunner.execute(() ->
                    SwingUtilities.convertRectangle(b.getParent(), b.getBounds(), dialog.getContentPane()));
            Rectangle pane = GuiActionRunner.execute(() -> new Rectangle(dialog.getContentPane().getSize()));
            assertThat(pane.contains(inPane)).as("%s button %s inside the content pane %s", button, inPane, pane)
                    .isTrue();
            connect.button(button).requireVisible();
        }
        Fits.assertFits(dialog, screen(1));
        String tip = GuiActionRunner.execute(() -> dialog.statusToolTip());
        assertThat(tip).as("the whole problem, in the status line's tooltip").contains(LONG_HOST);
        connect.button("cancel").click();
    }

    @Test
    void myServerTabReachesRecorderAndWelcomeInADefaultWindow() {
        Fixture f = window(new DemoServerMode());
        FrameFixture w = show(f);
        assertThat(GuiActionRunner.execute(() -> f.window().getSize())).isEqualTo(new Dimension(1000, 640));
        w.menuItem("menu.server").click();
        w.menuItem("menuRunServer").click();
        w.panel("serverPanel").requireVisible();
        for (String name : List.of("serverRecorder", "serverNewRecording", "serverRecorderStatus",
                "server.recordingDir", "serverRecordingBrowse", "serverWelcome", "serverApply")) {
            JComponent c = (JComponent) robot.finder().findByName(f.window(), name, false);
            Rectangle visible = GuiActionRunner.execute(() -> Fits.reveal(c));
            robot.waitForIdle();
            assertThat(visible).as("%s scrolled into view (%dx%d)", name, c.getWidth(), c.getHeight())
                    .isEqualTo(new Rectangle(0, 0, c.getWidth(), c.getHeight()));
        }
        Fits.assertFits(f.window(), screen(1));
    }

    @ParameterizedTest(name = "{0} at {1}x")
    @CsvSource({"en, 1", "fr, 1", "en, 2", "fr, 2"})
    void everyWindowFitsA1280x720Screen(String language, int factor) {
        I18n.use(language, false);
        scale(factor);
        Rectangle screen = screen(factor);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Fixture f = window(new DemoServerMode());
        GuiActionRunner.execute(() -> f.window().backendsProbed(List.of(
                new BackendInfo("jack", false, "no JACK server is running", List.of()),
                new BackendInfo("javasound", false, "no sound card found", List.of()))));
        FrameFixture w = show(f);
        GuiActionRunner.execute(() -> {
            f.window().connected("jam.example.org:22124");
            f.window().serverName("Friday Night Jam");
            f.window().recording(true);
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        w.menuItem("menu.server").click();
        w.menuItem("menuRunServer").click();
        check(f.window(), screen, problems);

        GuiActionRunner.execute(() -> f.window().disconnected(""));
        f.session().directoryProblem = I18n.tr("connect.unresolved", LONG_HOST);
        DialogFixture connect = openConnectDialog(w);
        GuiWait.waitFor("the directory's problem shown", () -> GuiActionRunner.execute(
                ((ConnectDialog) connect.target())::statusText).contains(LONG_HOST));
        check(connect.target(), screen, problems);
        connect.close();

        w.button("settingsButton").click();
        DialogFixture settings = WindowFinder.findDialog("settingsDialog").using(robot);
        check(settings.target(), screen, problems);
        settings.close();

        GuiActionRunner.execute(() -> {
            f.window().welcome("Welcome to <b>Friday Night Jam</b>! Chords: https://example.org/chords");
            f.window().chat("<b>Alice</b> Ready when you are");
        });
        DialogFixture chat = WindowFinder.findDialog("chatWindow").using(robot);
        check(chat.target(), screen, problems);

        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(() -> f.window().licenceRequired()));
        DialogFixture licence = WindowFinder.findDialog("licenceDialog").using(robot);
        check(licence.target(), screen, problems);
        licence.close();

        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(() -> f.window().lobbyPasswordNeeded("jam.example.org", true)));
        DialogFixture lobby = WindowFinder.findDialog("lobbyPasswordDialog").using(robot);
        check(lobby.target(), screen, problems);
        lobby.button("lobbyCancel").click();

        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("what does not fit, per window, in %s at %dx", language, factor).isEmpty();
    }

    private void check(Window window, Rectangle screen, Map<String, List<String>> problems) {
        robot.waitForIdle();
        problems.put(window.getName(), GuiActionRunner.execute(() -> Fits.problems(window, screen)));
    }
}
