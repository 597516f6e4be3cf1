package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.swing.JFrame;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.ScriptedClientAccess;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.testing.Await;

/**
 * The server panel's context menu and bans list under Xvfb, on a real engine with real UDP clients: "Kick" frees the
 * musician's channel, "Ban for 1 hour" and "Ban until unbanned" keep the address out and list it, "Unban" lets it
 * back in. No port mapping here.
 */
class ServerPanelKickBanGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Robot robot;
    private ServerEngine engine;
    private ServerPanelBinding binding;

    @BeforeAll
    static void display() {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void setUp() throws Exception {
        ServerText.use(Locale.ENGLISH);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(false));
        engine = ServerEngine.start(ServerConfig.defaults(0, 4), new ServerEvents() {
            @Override
            public void bansChanged(List<Ban> bans) {
                binding.refresh();
            }
        }, List.of());
    }

    @AfterEach
    void tearDown() {
        if (binding != null) {
            binding.close();
        }
        engine.close();
        robot.cleanUp();
    }

    private FrameFixture show() {
        JFrame frame = GuiActionRunner.execute(() -> {
            ServerPanel[] p = new ServerPanel[1];
            p[0] = new ServerPanel(ServerPanelSettings.DEFAULT, new QuietListener());
            binding = new ServerPanelBinding(p[0]);
            binding.attach(engine);
            JFrame f = new JFrame("server");
            f.setContentPane(p[0]);
            f.setSize(1100, 800);
            return f;
        });
        robot.showWindow(frame, null, false);
        return new FrameFixture(robot, frame);
    }

    private static int rows(FrameFixture w, String table) {
        return GuiActionRunner.execute(() -> w.table(table).target().getRowCount());
    }

    private void awaitListed(FrameFixture w, int id) {
        Await.until("client " + id + " listed in the panel", WAIT, () -> rows(w, "serverClients") == 1);
    }

    private void menu(FrameFixture w, String item) {
        w.table("serverClients").showPopupMenuAt(TableCell.row(0).column(1)).menuItem(item).click();
    }

    @Test
    void kickBanAndUnbanARealClientFromThePanel() {
        FrameFixture w = show();
        try (ScriptedClientAccess first = new ScriptedClientAccess(engine.port())) {
            int id = first.connect();
            awaitListed(w, id);
            menu(w, "serverKick");
            Await.until("kicked client gone from the engine", WAIT, () -> engine.clients().isEmpty());
            Await.until("and from the panel", WAIT, () -> rows(w, "serverClients") == 0);
            assertThat(rows(w, "serverBans")).as("a kick bans nobody").isZero();
        }

        try (ScriptedClientAccess second = new ScriptedClientAccess(engine.port())) {
            awaitListed(w, second.connect());
            menu(w, "serverBanHour");
            Await.until("banned client gone", WAIT, () -> engine.clients().isEmpty());
            Await.until("the ban listed", WAIT, () -> rows(w, "serverBans") == 1);
        }
        String[][] listed = w.table("serverBans").contents();
        assertThat(listed[0][0]).isEqualTo("127.0.0.1");
        Ban ban = engine.bans().getFirst();
        assertThat(listed[0][1]).isEqualTo(BanControls.until(ban));
        assertThat(ban.until()).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        try (ScriptedClientAccess banned = new ScriptedClientAccess(engine.port())) {
            assertThatThrownBy(banned::connect).as("a banned address gets no channel").isInstanceOf(AssertionError.class);
        }

        w.button("serverUnban").requireDisabled();
        w.table("serverBans").selectRows(0);
        w.button("serverUnban").click();
        Await.until("unbanned", WAIT, () -> rows(w, "serverBans") == 0 && engine.bans().isEmpty());

        try (ScriptedClientAccess back = new ScriptedClientAccess(engine.port())) {
            awaitListed(w, back.connect());
            menu(w, "serverBanForever");
            Await.until("banned until unbanned", WAIT, () -> rows(w, "serverBans") == 1);
            assertThat(w.table("serverBans").contents()[0]).containsExactly("127.0.0.1", "Until unbanned");
            assertThat(engine.bans().getFirst().until()).isNull();
        }
    }

    @Test
    void aMusicianWaitingInThePasswordLobbyIsMarkedAndAdmittedFromThePanel() {
        engine.setPassword("blue in green");
        FrameFixture w = show();
        try (ScriptedClientAccess waiting = new ScriptedClientAccess(engine.port())) {
            int id = waiting.connect();
            awaitListed(w, id);
            Await.until("marked as waiting", WAIT, () -> w.table("serverClients").contents()[0][1]
                    .contains("(waiting for password)"));
            assertThat(engine.clients().getFirst().lobby()).isTrue();
            menu(w, "serverAdmit");
            Await.until("admitted", WAIT, () -> !engine.clients().getFirst().lobby());
            Await.until("no longer marked", WAIT, () -> !w.table("serverClients").contents()[0][1]
                    .contains("(waiting for password)"));
            w.table("serverClients").showPopupMenuAt(TableCell.row(0).column(1)).menuItem("serverAdmit")
                    .requireDisabled();
        }
    }
}
