package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.server.ServerMode;

/**
 * A private session on a public server in one step, under Xvfb: click musicians' names to pick them, "Solo together"
 * solos them (and you) through the model, the line above the board says whom you hear and that the others still
 * hear you, and "End private session" turns every solo off.
 */
class PrivateSessionGuiTest extends GuiTestSupport {
    private static String bar(Fixture f) {
        return GuiActionRunner.execute(() -> f.window().board.privateSessionText());
    }

    private boolean shown(FrameFixture w, String button) {
        return GuiActionRunner.execute(() -> robot.finder().findByName(w.target(), button, javax.swing.JButton.class,
                false).isShowing());
    }

    @Test
    void pickSoloTogetherAndEnd() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        GuiActionRunner.execute(() -> {
            f.window().connected("127.0.0.1:22124");
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        assertThat(bar(f)).isEqualTo("Click musicians' names to pick them for a private session.");
        assertThat(shown(w, "soloTogether")).isFalse();
        assertThat(shown(w, "endPrivateSession")).isFalse();

        w.label("name-1").click();
        w.label("name-3").click();
        w.label("name-2").click();
        w.label("name-2").click(); // a second click unpicks
        w.label("name-2").focus();
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_SPACE); // from the keyboard: picks
        assertThat(GuiActionRunner.execute(() -> f.window().board.strip(2).picked())).isTrue();
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_SPACE); // and unpicks
        assertThat(GuiActionRunner.execute(() -> f.window().board.strip(1).picked())).isTrue();
        assertThat(GuiActionRunner.execute(() -> f.window().board.strip(2).picked())).isFalse();
        assertThat(bar(f)).startsWith("Picked: Alice, Chloé.");
        assertThat(f.sink().gains).as("picking alone changes nothing you hear").isEmpty();

        w.button("soloTogether").click();
        w.toggleButton("solo-1").requireSelected();
        w.toggleButton("solo-3").requireSelected();
        w.toggleButton("solo-0").requireSelected(); // you stay in your own mix
        w.toggleButton("solo-2").requireNotSelected();
        assertThat(f.sink().gains).containsEntry(2, 0.0).doesNotContainKeys(0, 1, 3);
        assertThat(bar(f)).isEqualTo("Private session: in your mix you hear only Alice, Chloé. The others cannot be"
                + " heard in your mix, but they still hear you unless they solo too.");
        assertThat(GuiActionRunner.execute(() -> f.window().board.strip(1).picked())).as("picks are used up").isFalse();

        w.button("endPrivateSession").click();
        w.toggleButton("solo-1").requireNotSelected();
        assertThat(f.sink().gains).containsEntry(2, 1.0);
        assertThat(bar(f)).isEqualTo("Click musicians' names to pick them for a private session.");
        assertThat(shown(w, "endPrivateSession")).isFalse();
    }
}
