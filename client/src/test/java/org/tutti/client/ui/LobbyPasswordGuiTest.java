package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.tutti.client.session.LobbyAnswerer;
import org.tutti.client.ui.server.ServerMode;

/**
 * The private server's password question under Xvfb: it says what is happening, the answer goes to the session (not
 * to the chat), a remembered password lands in the settings, and "Not now" leaves the chat open.
 */
class LobbyPasswordGuiTest extends GuiTestSupport {
    @Test
    void theAnswerGoesToTheSessionAndIsRememberedForThatServer() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(
                () -> f.window().lobbyPasswordNeeded("jam.example.org:22124", false)));
        DialogFixture d = WindowFinder.findDialog("lobbyPasswordDialog").using(robot);
        assertThat(d.target().getTitle()).contains("jam.example.org:22124");
        assertThat(d.textBox("lobbyText").text()).contains("This server is private: enter the session password");
        d.checkBox("lobbyRemember").requireSelected();
        d.textBox("lobbyPassword").enterText("s3cret");
        d.button("lobbyJoin").click();
        assertThat(f.session().calls).contains("lobbyPassword s3cret true");
        assertThat(f.session().chats).as("the password is no chat line").isEmpty();

        GuiActionRunner.execute(() -> f.window().rememberPassword("jam.example.org:22124", "s3cret"));
        assertThat(LobbyAnswerer.storedPassword(f.window().settings, "JAM.example.org")).isEqualTo("s3cret");
    }

    @Test
    void notNowLeavesTheMusicianInTheLobbyWithTheChatOpen() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(
                () -> f.window().lobbyPasswordNeeded("jam.example.org:22124", true)));
        DialogFixture d = WindowFinder.findDialog("lobbyPasswordDialog").using(robot);
        assertThat(d.textBox("lobbyText").text()).contains("did not accept the password");
        d.button("lobbyCancel").click();
        WindowFinder.findDialog("chatWindow").using(robot).requireVisible();
        assertThat(f.session().calls).noneMatch(c -> c.startsWith("lobbyPassword"));
    }
}
