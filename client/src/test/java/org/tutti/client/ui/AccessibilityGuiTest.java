package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JScrollBar;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.server.BuiltInServer;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.server.ui.ServerPanelSettings;

/** Every interactive control has an accessible name; the keyboard reaches the controls; the licence gate works. */
class AccessibilityGuiTest extends GuiTestSupport {

    /** Interactive components under {@code root} whose accessible name is blank. */
    private static List<String> unnamed(Container root) {
        List<String> missing = new ArrayList<>();
        walk(root, missing);
        return missing;
    }

    private static void walk(Component c, List<String> missing) {
        boolean interactive = c instanceof AbstractButton || c instanceof JSlider || c instanceof JComboBox
                || c instanceof JTextField || c instanceof JTable;
        boolean insideCombo = c.getParent() instanceof JComboBox; // the combo's own arrow and editor
        // a spinner's arrows are not focusable: keyboard and screen-reader users use the (named) editor's arrow keys
        insideCombo |= c.getParent() instanceof JSpinner && !c.isFocusable();
        if (interactive && !insideCombo && c.isVisible()) {
            String name = c.getAccessibleContext().getAccessibleName();
            if (name == null || name.isBlank()) {
                missing.add(c.getClass().getSimpleName() + " " + c.getName());
            }
        }
        if (c instanceof Container k && !(c instanceof JScrollBar)) {
            for (Component child : k.getComponents()) {
                walk(child, missing);
            }
        }
    }

    @Test
    void mainWindowControlsAllHaveAccessibleNamesAndTooltips() {
        Fixture f = window(ServerMode.NONE);
        GuiActionRunner.execute(() -> {
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        robot.showWindow(f.window(), null, false);
        assertThat(GuiActionRunner.execute((Callable<List<String>>) () -> unnamed(f.window().getContentPane()))).isEmpty();
        assertThat(GuiActionRunner.execute(() -> f.window().board.strip(2).fader().getToolTipText()))
                .isEqualTo("How loud you hear Bob");
        assertThat(GuiActionRunner.execute(() -> f.window().connect.getToolTipText())).isNotBlank();
    }

    @Test
    void serverPanelControlsHaveAccessibleNamesAndTooltips() {
        JFrame frame = GuiActionRunner.execute(() -> {
            BuiltInServer own = new BuiltInServer(ServerPanelSettings.DEFAULT, a -> { });
            javax.swing.JFrame f = new javax.swing.JFrame("server");
            f.setContentPane(own.serverPanel());
            f.setSize(1100, 800);
            return f;
        });
        robot.showWindow(frame, null, false);
        assertThat(GuiActionRunner.execute((Callable<List<String>>)
                () -> unnamed(frame.getContentPane()))).isEmpty();
        FrameFixture w = new FrameFixture(robot, frame);
        for (String name : new String[] {"serverDirectory", "serverDirectoryCustom", "serverRegistration",
            "serverRecordingBrowse", "serverRecorder", "serverNewRecording", "server.recordingDir", "serverApply"}) {
            JComponent c = (JComponent) robot.finder().findByName(frame, name, false);
            assertThat(GuiActionRunner.execute((java.util.concurrent.Callable<String>) c::getToolTipText)).as("tooltip of " + name).isNotBlank();
        }
        w.cleanUp();
    }

    @Test
    void dialogsHaveAccessibleNames() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.button("settingsButton").click();
        DialogFixture settings = WindowFinder.findDialog("settingsDialog").using(robot);
        assertThat(GuiActionRunner.execute((Callable<List<String>>) () -> unnamed(((JDialog) settings.target()).getContentPane()))).isEmpty();
        settings.button("settingsCancel").click();
        w.button("connectButton").click();
        DialogFixture connect = WindowFinder.findDialog("connectDialog").using(robot);
        assertThat(GuiActionRunner.execute((Callable<List<String>>) () -> unnamed(((JDialog) connect.target()).getContentPane()))).isEmpty();
        assertThat(GuiActionRunner.execute((java.util.concurrent.Callable<String>) () -> connect.checkBox("showAllMusicians").target().getToolTipText()))
                .isNotBlank();
        connect.button("cancel").click();
    }

    @Test
    void tabReachesEveryKindOfControl() {
        Fixture f = window(ServerMode.NONE);
        GuiActionRunner.execute(() -> {
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        // Without a window manager only a real click activates the window; the checkbox click is harmless.
        w.checkBox("muteMyself").click();
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < 60; i++) {
            Component owner = GuiActionRunner.execute(
                    () -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
            if (owner != null && owner.getName() != null) {
                reached.add(owner.getName());
            }
            robot.pressAndReleaseKey(KeyEvent.VK_TAB); // not the fixture's: it would refocus the frame first
        }
        assertThat(reached).contains("settingsButton", "chatButton", "muteMyself", "inputBalance",
                "fader-1", "mute-1", "solo-1", "group-1", "fader-3", "solo-3");
    }

    @Test
    void spaceOnAFocusedMuteButtonMutesThatMusician() {
        Fixture f = window(ServerMode.NONE);
        GuiActionRunner.execute(() -> {
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.checkBox("muteMyself").click(); // activates the window (no window manager under Xvfb)
        w.toggleButton("mute-2").focus();
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        w.toggleButton("mute-2").requireSelected();
        assertThat(f.sink().gains).containsEntry(2, 0.0);
    }

    @Test
    void licenceMustBeTickedBeforeAccepting() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        GuiActionRunner.execute(() -> {
            SwingUtilities.invokeLater(f.window()::licenceRequired);
            return null;
        });
        DialogFixture d = WindowFinder.findDialog("licenceDialog").using(robot);
        d.button("licenceAccept").requireDisabled();
        d.checkBox("licenceAgree").click();
        d.button("licenceAccept").requireEnabled().click();
        assertThat(f.session().calls).doesNotContain("disconnect");
        GuiActionRunner.execute(() -> {
            SwingUtilities.invokeLater(f.window()::licenceRequired);
            return null;
        });
        DialogFixture again = WindowFinder.findDialog(new GenericTypeMatcher<LicenceDialog>(
                LicenceDialog.class) {
            @Override
            protected boolean isMatching(LicenceDialog dialog) {
                return dialog.isShowing() && !dialog.accepted();
            }
        }).using(robot);
        again.button("licenceDecline").click();
        assertThat(f.session().calls).contains("disconnect");
    }
}
