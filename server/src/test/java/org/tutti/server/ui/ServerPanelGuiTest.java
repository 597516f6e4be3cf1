package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.hosting.SharedAddress;
import org.tutti.server.hosting.SharedAddress.Source;

/** The server panel under Xvfb: edits reach the listener, the clients table renders what the server reports. */
class ServerPanelGuiTest {
    private Robot robot;
    private final List<Object> calls = new CopyOnWriteArrayList<>();

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
        // A tooltip popping up under the pointer after typing would take the next click meant for the control below.
        GuiActionRunner.execute(() -> javax.swing.ToolTipManager.sharedInstance().setEnabled(false));
    }

    @AfterEach
    void tearDown() {
        robot.cleanUp();
    }

    private FrameFixture show(ServerPanel[] out) {
        JFrame frame = GuiActionRunner.execute(() -> {
            ServerPanel p = new ServerPanel(new ServerPanelSettings("Jam", "Lyon", 74, "Hi", 10, false, false,
                    22124, ""), new ServerPanelListener() {
                        @Override
                        public void settingsApplied(ServerPanelSettings settings) {
                            calls.add(settings);
                        }

                        @Override
                        public void recorderChanged(String folder, boolean enabled) {
                            calls.add("recorder " + folder + " " + enabled);
                        }

                        @Override
                        public void newRecording() {
                            calls.add("new recording");
                        }

                        @Override
                        public void joinOwnServer() {
                            calls.add("join");
                        }
                    });
            out[0] = p;
            JFrame f = new JFrame("server");
            f.setContentPane(p);
            f.setSize(1000, 800);
            return f;
        });
        robot.showWindow(frame, null, false);
        return new FrameFixture(robot, frame);
    }

    @Test
    void editsAreAppliedAsOneSettingsRecord() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        w.textBox("server.name").deleteText().enterText("Friday Jam");
        w.spinner("server.maxUsers").enterTextAndCommit("25");
        w.textBox("serverWelcome").deleteText().enterText("<b>Welcome</b>");
        w.button("serverApply").click();
        assertThat(calls).hasSize(1);
        ServerPanelSettings s = (ServerPanelSettings) calls.getFirst();
        assertThat(s.name()).isEqualTo("Friday Jam");
        assertThat(s.maxUsers()).isEqualTo(25);
        assertThat(s.welcomeHtml()).isEqualTo("<b>Welcome</b>");
        assertThat(s.port()).isEqualTo(22124);
        w.button("joinOwnServer").click();
        assertThat(calls).contains("join");
    }

    @Test
    void countryIsChosenByNameAndAppliedAsItsWireNumber() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        w.comboBox("serverCountry").requireSelection("France"); // loaded from 74
        assertThat(w.comboBox("serverCountry").contents()).contains("None", "Germany", "Japan", "United Kingdom")
                .hasSizeGreaterThan(200);
        w.comboBox("serverCountry").selectItem("Germany");
        w.button("serverApply").click();
        assertThat(((ServerPanelSettings) calls.getLast()).country()).isEqualTo(82);
        w.comboBox("serverCountry").focus();
        w.comboBox("serverCountry").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_N, java.awt.event.KeyEvent.VK_O,
                java.awt.event.KeyEvent.VK_R, java.awt.event.KeyEvent.VK_W);
        w.comboBox("serverCountry").requireSelection("Norway"); // typed letters find the name
        w.button("serverApply").click();
        assertThat(((ServerPanelSettings) calls.getLast()).country()).isEqualTo(161);
    }

    @Test
    void clientsTableShowsWhatTheServerReports() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        GuiActionRunner.execute(() -> p[0].setClients(List.of(new ServerClientRow("127.0.0.1:5000", "Ann", 4, 2),
                new ServerClientRow("127.0.0.1:5001", "Ben", 6, 1))));
        assertThat(w.table("serverClients").contents()).isDeepEqualTo(new String[][] {
            {"127.0.0.1:5000", "Ann", "4", "Stereo", ""}, {"127.0.0.1:5001", "Ben", "6", "Mono", ""}});
        w.label("serverClientCount").requireText("2 of 10");
        // with their stream formats known: each musician's cost and the server's total (docs/bandwidth.md)
        GuiActionRunner.execute(() -> p[0].setClients(List.of(new ServerClientRow("127.0.0.1:5000", "Ann", 4, 2, 582),
                new ServerClientRow("127.0.0.1:5001", "Ben", 6, 1, 222))));
        assertThat(w.table("serverClients").contents()[1]).containsExactly("127.0.0.1:5001", "Ben", "6", "Mono", "222");
        w.label("serverClientCount").requireText("2 of 10 · 0.8 Mbit/s up and down");
    }

    @Test
    void directorySelectorGivesTheAddressAndShowsTheRegistration() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        w.comboBox("serverDirectory").requireSelection("None (private server)");
        w.textBox("serverDirectoryCustom").requireDisabled();
        w.label("serverRegistration").requireText(" ");
        w.comboBox("serverDirectory").selectItem("Genre Jazz");
        w.button("serverApply").click();
        assertThat(((ServerPanelSettings) calls.getLast()).directory()).isEqualTo("jazz.jamulus.app:22324");
        w.comboBox("serverDirectory").selectItem("Custom directory");
        w.textBox("serverDirectoryCustom").requireEnabled().enterText("dir.example.org:22500");
        w.button("serverApply").click();
        assertThat(((ServerPanelSettings) calls.getLast()).directory()).isEqualTo("dir.example.org:22500");
        GuiActionRunner.execute(() -> p[0].setRegistration("dir.example.org:22500",
                org.tutti.server.directory.RegistrationStatus.TIME_OUT));
        w.label("serverRegistration").requireText("The directory does not answer");
        GuiActionRunner.execute(() -> p[0].setRegistration("", org.tutti.server.directory.RegistrationStatus.NOT_REGISTERED));
        w.label("serverRegistration").requireText("Not registered: private server");
    }

    @Test
    void recorderControlsFollowTheRecorderAndReportChanges() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        w.textBox("server.recordingDir").enterText("/tmp/jams");
        w.checkBox("serverRecorder").requireSelected().click();
        assertThat(calls).containsExactly("recorder /tmp/jams false");
        GuiActionRunner.execute(() -> p[0].setRecorderState(org.tutti.server.recorder.RecorderState.RECORDING,
                java.nio.file.Path.of("/tmp/jams/Jam-20261121-2200"), ""));
        w.label("serverRecorderStatus").requireText("Recording to Jam-20261121-2200");
        w.checkBox("serverRecorder").requireSelected();
        w.button("serverNewRecording").requireEnabled().click();
        assertThat(calls).endsWith("new recording");
        GuiActionRunner.execute(() -> p[0].setRecorderState(org.tutti.server.recorder.RecorderState.NOT_ENABLED,
                null, "recording directory /x does not exist or is not a folder"));
        w.label("serverRecorderStatus").requireText(
                "Not recording: recording directory /x does not exist or is not a folder");
        w.checkBox("serverRecorder").requireNotSelected();
        w.button("serverNewRecording").requireDisabled();
    }

    @Test
    void aCommandLineServerKeepsItsStartOptions() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        GuiActionRunner.execute(() -> p[0].lockStartOptions("Set on the command line"));
        w.spinner("server.port").requireDisabled().requireToolTip("Set on the command line");
        w.spinner("server.maxUsers").requireDisabled();
        w.textBox("server.name").requireEnabled();
    }

    @Test
    void unavailableRecorderIsDisabledWithAReason() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        GuiActionRunner.execute(() -> p[0].setRecorderUnavailable("no recorder here"));
        w.checkBox("serverRecorder").requireDisabled();
        w.button("serverNewRecording").requireDisabled();
    }

    @Test
    void portMappingOptionRoundTripsAndTheAddressToShareIsOneLine() throws Exception {
        ServerPanel[] panel = new ServerPanel[1];
        FrameFixture f = show(panel);
        f.checkBox("serverPortMapping").requireNotSelected().click();
        f.button("serverApply").click();
        assertThat(calls).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(ServerPanelSettings.class,
                s -> assertThat(s.portMapping()).isTrue()));
        InetAddress external = InetAddress.getByName("45.67.89.1");
        InetAddress gateway = InetAddress.getByName("10.77.0.1");
        String mapped = GuiActionRunner.execute(() -> {
            panel[0].showPortMapping(new PortMappingStatus(PortMappingStatus.State.MAPPED, "UPnP", gateway,
                    external, 22124, 22124, ""));
            return panel[0].addressToShareText();
        });
        assertThat(mapped).isEqualTo("Your friends connect to 45.67.89.1:22124 (from the router)");
        String secondNat = GuiActionRunner.execute(() -> {
            panel[0].showPortMapping(new PortMappingStatus(PortMappingStatus.State.BEHIND_SECOND_NAT, "UPnP",
                    gateway, InetAddress.getByName("100.64.3.4"), 22124, 0, "second NAT"));
            return panel[0].addressToShareText();
        });
        assertThat(secondNat).contains("cannot reach this server").contains("directory");
        // Behind the provider's NAT, a registered server still learns its address from the directory's list.
        SharedAddress seen = new SharedAddress(new InetSocketAddress("198.51.100.50", 22124), Source.DIRECTORY);
        SharedAddress moved = new SharedAddress(new InetSocketAddress("198.51.100.60", 22124), Source.DIRECTORY);
        assertThat(GuiActionRunner.execute(() -> {
            panel[0].showSharedAddress(new AddressWatch.Update(seen, null));
            return panel[0].addressToShareText();
        })).isEqualTo("Your friends connect to 198.51.100.50:22124 (as the directory sees it), or pick the server in"
                + " the directory's list");
        assertThat(GuiActionRunner.execute(() -> {
            panel[0].showSharedAddress(new AddressWatch.Update(moved, seen));
            return panel[0].addressToShareText();
        })).isEqualTo("Your address changed: friends now connect to 198.51.100.60:22124 (as the directory sees it)");
        String off = GuiActionRunner.execute(() -> {
            panel[0].showSharedAddress(null); // not registered: no address known
            panel[0].showPortMapping(PortMappingStatus.off(22124));
            return panel[0].addressToShareText();
        });
        assertThat(off).contains("UDP port 22124 ").doesNotContain("22,124");
        assertThat(GuiActionRunner.execute(() -> {
            panel[0].showPortMapping(null);
            return panel[0].addressToShareText();
        })).isEmpty();
    }

    @Test
    void theUploadSpeedGivesRoomForMoreMusicians() {
        ServerPanel[] p = new ServerPanel[1];
        FrameFixture w = show(p);
        assertThat(GuiActionRunner.execute(() -> p[0].headroomText())).isEmpty(); // no upload speed given
        w.spinner("serverUplink").enterTextAndCommit("2");
        GuiActionRunner.execute(() -> p[0].setClients(List.of(new ServerClientRow("127.0.0.1:5000", "Ann", 4, 1, 222),
                new ServerClientRow("127.0.0.1:5001", "Ben", 4, 1, 222),
                new ServerClientRow("127.0.0.1:5002", "Cy", 4, 1, 222))));
        assertThat(GuiActionRunner.execute(() -> p[0].headroomText()))
                .isEqualTo("Room for about 5 more musicians at mono, normal quality");
        w.button("serverApply").click();
        assertThat(((ServerPanelSettings) calls.getLast()).uplinkKbps()).isEqualTo(2000);
        w.spinner("serverUplink").enterTextAndCommit("0.5");
        assertThat(GuiActionRunner.execute(() -> p[0].headroomText())).startsWith("Your upload is used up");
    }

    @Test
    void theServerTypeSaysHowFriendsJoin() {
        ServerPanel[] p = new ServerPanel[1];
        show(p);
        assertThat(GuiActionRunner.execute(() -> {
            p[0].setRegistration("", RegistrationStatus.NOT_REGISTERED);
            return p[0].serverTypeText();
        })).startsWith("Private server").contains("typing your address");
        assertThat(GuiActionRunner.execute(() -> {
            p[0].setRegistration("anygenre1.jamulus.app:22124", RegistrationStatus.REQUESTED);
            return p[0].serverTypeText();
        })).startsWith("Until the directory lists it");
        assertThat(GuiActionRunner.execute(() -> {
            p[0].setRegistration("anygenre1.jamulus.app:22124", RegistrationStatus.REGISTERED);
            return p[0].serverTypeText();
        })).isEqualTo("Public server: friends find it in the “Any Genre 1” list of their Connection Setup, and anyone"
                + " can join.");
    }
}
