package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import javax.swing.JFrame;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ScriptedClientAccess;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/**
 * The server panel's metronome row and conductor chooser under Xvfb, bound to a real engine: edits switch the
 * server's metronome and conductor, the controls follow changes made elsewhere (JSON-RPC), and a server for 150
 * musicians offers no metronome.
 */
class MetronomeControlsGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private Robot robot;

    @BeforeAll
    static void display() {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void setUp() {
        ServerText.use(Locale.ENGLISH);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(false));
    }

    @AfterEach
    void tearDown() {
        robot.cleanUp();
    }

    private FrameFixture show(ServerPanelBinding[] binding) {
        JFrame frame = GuiActionRunner.execute(() -> {
            ServerPanel p = new ServerPanel(new ServerPanelSettings("Jam", "Lyon", 74, "Hi", 10, false, false,
                    22124, ""), new QuietListener());
            binding[0] = new ServerPanelBinding(p);
            JFrame f = new JFrame("server");
            f.setContentPane(p);
            f.setSize(1000, 800);
            return f;
        });
        robot.showWindow(frame, null, false);
        return new FrameFixture(robot, frame);
    }

    @Test
    void theRowSwitchesTheServersMetronomeAndFollowsIt() throws Exception {
        ServerPanelBinding[] binding = new ServerPanelBinding[1];
        FrameFixture w = show(binding);
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ServerPanelBinding b = binding[0]) {
            b.attach(engine);
            w.spinner("serverMetronomeBpm").enterTextAndCommit("96");
            w.spinner("serverMetronomeBeats").enterTextAndCommit("3");
            w.checkBox("serverMetronomeEnabled").requireNotSelected().click();
            Await.until("the server's metronome on at 96 bpm in 3", WAIT,
                    () -> engine.metronome().equals(new MetronomeSettings(true, 96, 3, 4)));

            engine.setMetronome(false, 140, 5); // as JSON-RPC setMetronome would
            Await.until("the row shows the server's change", WAIT, () -> GuiActionRunner.execute(() ->
                    !w.checkBox("serverMetronomeEnabled").target().isSelected()
                            && w.spinner("serverMetronomeBpm").target().getValue().equals(140)
                            && w.spinner("serverMetronomeBeats").target().getValue().equals(5)));
            assertThat(engine.metronome()).isEqualTo(new MetronomeSettings(false, 140, 5, 4));

            w.button("serverMetronomeTap").click();
            w.button("serverMetronomeTap").click();
            Await.until("a tapped tempo reaches the server", WAIT, () -> engine.metronome().bpm() != 140);
            assertThat(engine.metronome().bpm()).isBetween(30, 300);
        }
    }

    @Test
    void theConductorChooserSetsTheServersConductorAndFollowsIt() throws Exception {
        ServerPanelBinding[] binding = new ServerPanelBinding[1];
        FrameFixture w = show(binding);
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ServerPanelBinding b = binding[0];
             ScriptedClientAccess clara = new ScriptedClientAccess(engine.port())) {
            b.attach(engine);
            int id = clara.connect();
            clara.send(new ConnectedMessage.ChannelInfos(new ChannelInfo(0, 0, 0, "Clara", "")));
            Await.until("Clara in the chooser", WAIT, () -> GuiActionRunner.execute(() ->
                    w.comboBox("serverConductor").target().getItemCount() == 2
                            && w.comboBox("serverConductor").target().getItemAt(1).toString().equals("Clara")));
            w.comboBox("serverConductor").requireSelection("Nobody: everyone hears their own mix").selectItem("Clara");
            Await.until("Clara conducts", WAIT, () -> engine.conductor() == id);

            engine.setConductor(-1); // as JSON-RPC setConductor {"id": null} would
            Await.until("the chooser shows nobody", WAIT, () -> GuiActionRunner.execute(() ->
                    ((ConductorControls.Choice) w.comboBox("serverConductor").target().getSelectedItem())
                            .channelId() == -1));
        }
    }

    @Test
    void aServerForOneHundredFiftyHasNoMetronome() throws Exception {
        ServerPanelBinding[] binding = new ServerPanelBinding[1];
        FrameFixture w = show(binding);
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 150), null);
             ServerPanelBinding b = binding[0]) {
            b.attach(engine);
            Await.until("the metronome row disabled", WAIT, () -> GuiActionRunner.execute(() ->
                    !w.checkBox("serverMetronomeEnabled").target().isEnabled()));
            assertThat(GuiActionRunner.execute(() -> w.checkBox("serverMetronomeEnabled").target().getToolTipText()))
                    .contains("149");
        }
    }
}
