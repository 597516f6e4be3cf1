package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Issue 21, item 3, against a real Tutti server: the window shows the server's metronome as a strip with the
 * metronome icon, and says whose mix it follows while the server's conductor's mix is on.
 */
class ConductorClientGuiTest extends GuiTestSupport {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

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

    private MainWindow window(String name) {
        return engineWindow(name, open).window();
    }

    private static StripView strip(MainWindow w, String name) {
        return stripNamed(w, name);
    }

    @Test
    void theMetronomeHasItsIconAndFollowingTheConductorIsShown() throws Exception {
        ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), new ServerEvents() { });
        open.add(server);
        server.setMetronome(true, 100, 4);
        String address = "127.0.0.1:" + server.port();
        MainWindow ann = window("Ann");
        MainWindow ben = window("Ben");
        robot.showWindow(ann, null, false);
        GuiActionRunner.execute(() -> ann.connectTo(address));
        GuiActionRunner.execute(() -> ben.connectTo(address));
        GuiWait.waitFor("Ben and the metronome in Ann's mixer",
                () -> strip(ann, "Ben") != null && strip(ann, "Metronome") != null);
        int metronomeId = strip(ann, "Metronome").channelId();
        assertThat(GuiActionRunner.execute(() -> ann.board.strip(metronomeId).instrumentIconIsMetronome()))
                .as("the metronome's strip shows a metronome").isTrue();
        assertThat(GuiActionRunner.execute(() -> ann.board.strip(strip(ann, "Ben").channelId())
                .instrumentIconIsMetronome())).isFalse();
        assertThat(GuiActionRunner.execute(() -> ann.board.followingText())).isEmpty();

        int benId = server.clients().stream().filter(c -> c.info().name().equals("Ben")).findFirst().orElseThrow().id();
        assertThat(server.setConductor(benId)).isTrue();
        GuiWait.waitFor("Ann follows Ben", () -> GuiActionRunner.execute(() -> ann.board.followingText())
                .startsWith("Following Ben’s mix"));
        assertThat(GuiActionRunner.execute(() -> ben.board.followingText())).as("the conductor follows no one")
                .isEmpty();

        server.setConductor(-1);
        GuiWait.waitFor("Ann hears her own mix again", () -> GuiActionRunner.execute(() -> ann.board.followingText())
                .isEmpty());
    }
}
