package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.chat.ChatWindow;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.client.ui.server.BuiltInServer;
import org.tutti.interop.FreePorts;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Two real client engines (paced fake audio) with real windows, against a real in-process server on 127.0.0.1:
 * strips appear, a fader and a solo change what the server applies (the server tells the other client it was
 * muted), chat reaches the other window, and "Run my own server" shows its clients.
 */
class EngineGuiTest extends GuiTestSupport {
    private ServerEngine server;
    private ClientEngine engineA;
    private ClientEngine engineB;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {engineA, engineB, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private EngineSession lastSession;
    private ClientSettings lastSettings;

    private MainWindow window(String name, int instrument, ClientEngine[] engineOut, int ownServerPort) {
        ClientSettings s = new ClientSettings();
        lastSettings = s;
        s.profile.name = name;
        s.profile.instrument = instrument;
        s.profile.city = "Lyon";
        EngineSession session = new EngineSession();
        session.useBackends(settings -> Optional.of(new PacedFakeBackend()));
        lastSession = session;
        ClientEngine engine = EngineFactory.create(s, new PacedFakeBackend(), session);
        engineOut[0] = engine;
        UiPrefs prefs = UiPrefs.load("org/tutti/test/engine-" + ProcessHandle.current().pid());
        ServerPanelSettings own = new ServerPanelSettings("My Jam", "Lyon", 74, "Welcome!", 10, false, false,
                ownServerPort, "");
        return GuiActionRunner.execute(() -> DesktopApp.engineWindow(engine, session, s, prefs, own, () -> { }));
    }

    private static int stripCount(MainWindow w) {
        return GuiActionRunner.execute(() -> w.board.shownOrder().size());
    }

    @Test
    void twoClientsMixChatAndServerMode() throws Exception {
        server = ServerEngine.start(ServerConfig.defaults(0, 10), null);
        String address = "127.0.0.1:" + server.port();
        ClientEngine[] a = new ClientEngine[1];
        ClientEngine[] b = new ClientEngine[1];
        MainWindow wa = window("Ann", 3, a, org.tutti.interop.FreePorts.udp());
        MainWindow wb = window("Ben", 5, b, 0);
        engineA = a[0];
        engineB = b[0];
        robot.showWindow(wa, null, false);
        // B's window is not shown: without a window manager it would sit on top of A's and take A's clicks.
        FrameFixture fa = new FrameFixture(robot, wa);

        GuiActionRunner.execute(() -> wa.connectTo(address));
        GuiActionRunner.execute(() -> wb.connectTo(address));
        GuiWait.waitFor("both strips in A", () -> stripCount(wa) == 2 && stripNamed(wa, "Ben") != null);
        GuiWait.waitFor("both strips in B", () -> stripCount(wb) == 2 && stripNamed(wb, "Ann") != null);
        fa.button("connectButton").requireText("Disconnect");
        assertThat(stripNamed(wa, "Ann").own()).isTrue();
        assertThat(GuiActionRunner.execute(() -> wa.board.shownOrder().getFirst()))
                .isEqualTo(stripNamed(wa, "Ann").channelId());

        // A pulls Ben's fader to 0: the server applies gain 0 and tells Ben that Ann muted him.
        int benInA = stripNamed(wa, "Ben").channelId();
        fa.slider("fader-" + benInA).slideToMinimum();
        GuiWait.waitFor("Ben sees Ann muted him", () -> stripNamed(wb, "Ann").mutedByOther());
        fa.slider("fader-" + benInA).slideToMaximum();
        GuiWait.waitFor("Ben sees Ann hears him again", () -> !stripNamed(wb, "Ann").mutedByOther());

        // A solos herself: every other gain goes to 0 on the server, so Ben is muted again.
        int annInA = stripNamed(wa, "Ann").channelId();
        fa.toggleButton("solo-" + annInA).click();
        GuiWait.waitFor("Ann's strip soloed", () -> stripNamed(wa, "Ann").solo());
        GuiWait.waitFor("solo mutes Ben in Ann's mix", () -> stripNamed(wb, "Ann").mutedByOther());
        fa.toggleButton("solo-" + annInA).click();
        GuiWait.waitFor("unsolo", () -> !stripNamed(wb, "Ann").mutedByOther());

        // Chat from A opens B's chat window with the message.
        fa.button("chatButton").click();
        DialogFixture chatA = WindowFinder.findDialog(new GenericTypeMatcher<ChatWindow>(
                ChatWindow.class) {
            @Override
            protected boolean isMatching(ChatWindow c) {
                return c.getOwner() == wa && c.isShowing();
            }
        }).using(robot);
        // setText, not enterText: the robot's keyboard under Xvfb garbles ':' (shifted keys) now and then.
        chatA.textBox("chatInput").setText("hello from Ann https://jamulus.io");
        chatA.textBox("chatInput").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        GuiWait.waitFor("B's chat shows it", () -> GuiActionRunner.execute(
                () -> wb.chat.isVisible() && wb.chat.historyText().contains("hello from Ann")));
        assertThat(GuiActionRunner.execute(() -> wb.chat.historyHtml())).contains("href=\"https://jamulus.io\"");
        chatA.close();

        // Server mode in A: start the built-in server, join it from both clients, see the table fill.
        fa.menuItem("menu.server").click();
        fa.menuItem("menuRunServer").click();
        fa.panel("serverPanel").requireVisible();
        BuiltInServer own = (BuiltInServer) wa.serverMode;
        fa.button("joinOwnServer").click();
        String ownAddress = GuiActionRunner.execute(own::joinAddress);
        GuiActionRunner.execute(() -> wb.connectTo(ownAddress));
        // A client is listed as soon as its audio arrives and named once its profile follows.
        GuiWait.waitFor("clients table shows both by name", () -> java.util.Arrays.stream(fa.table("serverClients").contents())
                .map(row -> row[1]).sorted().toList().equals(List.of("Ann", "Ben")));
        String[][] table = fa.table("serverClients").contents();
        assertThat(java.util.Arrays.stream(table).map(row -> row[1]).toList()).containsExactlyInAnyOrder("Ann", "Ben");
        assertThat(table[0][0]).startsWith("127.0.0.1:");
        GuiWait.waitFor("A's mixer on own server", () -> stripCount(wa) == 2);
        GuiWait.waitFor("own server's welcome message in B's chat", () -> GuiActionRunner.execute(
                () -> wb.chat.historyText().contains("Welcome!")));
        assertThat(List.of(stripNamed(wa, "Ann").name(), stripNamed(wa, "Ben").name())).containsExactly("Ann", "Ben");
    }

    @Test
    void changingTheStreamSettingsRebuildsTheEngineAndReconnects() throws Exception {
        server = ServerEngine.start(ServerConfig.defaults(0, 10), null);
        String address = "127.0.0.1:" + server.port();
        ClientEngine[] a = new ClientEngine[1];
        MainWindow wa = window("Ann", 3, a, 0);
        engineA = a[0];
        EngineSession session = lastSession;
        ClientSettings settings = lastSettings;
        robot.showWindow(wa, null, false);
        GuiActionRunner.execute(() -> wa.connectTo(address));
        GuiWait.waitFor("connected", () -> stripNamed(wa, "Ann") != null);
        GuiActionRunner.execute(() -> wa.board.strip(stripNamed(wa, "Ann").channelId()).fader().setValue(40));
        GuiWait.waitFor("fader applied", () -> stripNamed(wa, "Ann").fader() == 40);

        GuiWait.waitFor("server sees a mono stream (the default)", () -> server.clients().size() == 1
                && server.clients().getFirst().audioChannels() == 1);
        settings.audio.bufferFrames = 64;
        settings.audio.channels = "MONO_IN_STEREO_OUT";
        GuiActionRunner.execute(() -> session.settingsChanged(settings, true));
        GuiWait.waitFor("new engine", () -> session.engine() != a[0]);
        engineB = session.engine(); // closed by the test's clean-up
        GuiWait.waitFor("reconnected with a 64-frame stream", () -> session.engine().status().connected()
                && session.engine().status().bufferFrames() == 64 && stripNamed(wa, "Ann") != null);
        assertThat(stripNamed(wa, "Ann").fader()).as("fader memory survives the new engine").isEqualTo(40);
        assertThat(a[0].status().connected()).isFalse();
        GuiWait.waitFor("server sees a stereo stream", () -> server.clients().size() == 1
                && server.clients().getFirst().audioChannels() == 2);

        // Quality and channels change on the running engine, without a new engine.
        ClientEngine rebuilt = session.engine();
        settings.audio.channels = "MONO";
        settings.audio.quality = "HIGH";
        GuiActionRunner.execute(() -> session.settingsChanged(settings, false));
        GuiWait.waitFor("server sees mono again", () -> server.clients().size() == 1
                && server.clients().getFirst().audioChannels() == 1);
        assertThat(session.engine()).isSameAs(rebuilt);
    }

    @Test
    void restartingTheBuiltInServerOnTheSamePortKeepsItReachable() throws Exception {
        int port = FreePorts.udp();
        BuiltInServer own = GuiActionRunner.execute(() -> new BuiltInServer(
                new ServerPanelSettings("Own", "", 0, "", 10, false, false, port, ""), a -> { }));
        try {
            assertThat(GuiActionRunner.execute(own::start)).isEmpty();
            GuiActionRunner.execute(() -> own.settingsApplied(
                    new ServerPanelSettings("Own", "", 0, "", 20, false, false, port, "")));
            GuiWait.waitFor("restarted with 20 channels", () -> own.engine() != null
                    && own.engine().config().maxClients() == 20);
            assertThat(own.engine().port()).isEqualTo(port);
        } finally {
            GuiActionRunner.execute(own::stop);
        }
    }
}
