package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Window;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.session.LobbyAnswerer;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.connect.LobbyPasswordDialog;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Issue #20's client parts with real client engines (paced fake audio) against a real in-process server: a group
 * solo keeps the others out of your mix only (the server tells the one left out that you muted them, not the one
 * soloed), and a stored password gets a client through a real server lobby by itself, with no prompt.
 */
class EnginePrivacyGuiTest extends GuiTestSupport {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<String> serverChat = new CopyOnWriteArrayList<>();
    private ClientSettings lastSettings;

    @AfterEach
    void stop() {
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private ServerEngine server() throws Exception {
        ServerEngine s = ServerEngine.start(ServerConfig.defaults(0, 10), new ServerEvents() {
            @Override
            public void chatSent(int senderId, String html) {
                serverChat.add(html);
            }
        });
        open.add(s);
        return s;
    }

    private MainWindow window(String name) {
        EngineWindow w = engineWindow(name, open);
        lastSettings = w.settings();
        return w.window();
    }

    @Test
    void aGroupSoloMutesTheOthersInYourMixOnly() throws Exception {
        String address = "127.0.0.1:" + server().port();
        MainWindow ann = window("Ann");
        MainWindow ben = window("Ben");
        MainWindow cy = window("Cy");
        robot.showWindow(ann, null, false); // only Ann's: without a window manager the others would take her clicks
        FrameFixture fa = new FrameFixture(robot, ann);
        for (MainWindow w : List.of(ann, ben, cy)) {
            GuiActionRunner.execute(() -> w.connectTo(address));
        }
        GuiWait.waitFor("all three in Ann's mixer", () -> stripNamed(ann, "Ben") != null && stripNamed(ann, "Cy") != null);
        GuiWait.waitFor("Ann in the others' mixers", () -> stripNamed(ben, "Ann") != null && stripNamed(cy, "Ann") != null);

        fa.label("name-" + stripNamed(ann, "Ben").channelId()).click();
        fa.button("soloTogether").click();
        GuiWait.waitFor("Cy is told Ann muted him", () -> stripNamed(cy, "Ann").mutedByOther());
        assertThat(stripNamed(ben, "Ann").mutedByOther()).as("Ben is in Ann's private session").isFalse();
        assertThat(GuiActionRunner.execute(() -> ann.board.privateSessionText()))
                .startsWith("Private session: in your mix you hear only Ben.");
        // Solo is Ann's mix only: Cy's own mix still has Ann in it.
        assertThat(stripNamed(cy, "Ann").solo()).isFalse();

        fa.button("endPrivateSession").click();
        GuiWait.waitFor("Cy is heard by Ann again", () -> !stripNamed(cy, "Ann").mutedByOther());
    }

    @Test
    void aStoredPasswordGetsThroughARealLobbyWithoutAPromptAndIsNeverShownOrForwarded() throws Exception {
        ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), new ServerEvents() {
            @Override
            public void chatSent(int senderId, String html) {
                serverChat.add(html);
            }
        }, List.of(), "s3cret-pass");
        open.add(server);
        String address = "127.0.0.1:" + server.port();
        MainWindow ann = window("Ann");
        LobbyAnswerer.store(lastSettings, address, "s3cret-pass");
        robot.showWindow(ann, null, false);
        GuiActionRunner.execute(() -> ann.connectTo(address));

        GuiWait.waitFor("Ann admitted by the lobby", () -> server.clients().stream()
                .anyMatch(c -> c.info().name().equals("Ann") && !c.lobby()));
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> List.of(Window.getWindows()).stream()
                .anyMatch(w -> w instanceof LobbyPasswordDialog && w.isShowing()))).as("no prompt").isFalse();
        assertThat(GuiActionRunner.execute(() -> ann.chat.historyText())).as("the lobby's lines are not shown")
                .doesNotContain("This server is private").doesNotContain("s3cret-pass");
        assertThat(serverChat).as("nothing from the lobby went to anyone").noneMatch(c -> c.contains("s3cret-pass"));
    }
}
