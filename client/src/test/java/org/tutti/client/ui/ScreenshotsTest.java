package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.image.ScreenshotTaker;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiSetup;
import org.tutti.client.midi.MidiTarget;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.session.IndicatorReadings;
import org.tutti.client.ui.connect.ConnectDialog;
import org.tutti.client.ui.connect.ServerRow;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.settings.BackendInfo;
import org.tutti.client.ui.settings.SettingsDialog;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;
import org.tutti.protocol.ChannelInfo;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.hosting.SharedAddress;
import org.tutti.server.ui.ServerPanel;

/**
 * Renders the README screenshots (light and dark, English and French, a mixer with five musicians, server mode and
 * the dialogs). Writes to {@code target/screenshots}, or to the folder in {@code -Dtutti.screenshots=DIR}
 * ({@code scripts/screenshots.sh} passes {@code docs/screenshots}).
 */
class ScreenshotsTest extends GuiTestSupport {
    private final Path dir = Path.of(System.getProperty("tutti.screenshots", "target/screenshots"));
    private final ScreenshotTaker camera = new ScreenshotTaker();

    private static List<ChannelProfile> session() {
        return List.of(
                new ChannelProfile(0, "Camille", 4, 74, "Lyon", 2),
                new ChannelProfile(1, "Alice", 10, 82, "Berlin", 3),
                new ChannelProfile(2, "Bob", 5, 224, "Leeds", 1),
                new ChannelProfile(3, "Chloé", 1, 206, "Genève", 2),
                new ChannelProfile(4, "Diego", 8, 197, "Sevilla", 3),
                new ChannelProfile(5, "Emma", 17, 225, "Boston", 0));
    }

    private void shoot(Component c, String name) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.deleteIfExists(file);
        robot.waitForIdle();
        camera.saveComponentAsPng(c, file.toString());
        assertThat(file).exists();
        assertThat(Files.size(file)).isGreaterThan(5_000);
    }

    private Fixture mixerWindow(Theme theme, ServerMode server) {
        GuiActionRunner.execute(() -> Theme.install(theme));
        Fixture f = window(server);
        GuiActionRunner.execute(() -> {
            f.window().setSize(1060, 720);
            f.window().connected("jam.example.org:22124");
            f.window().serverName("Friday Night Jam");
            f.window().recording(true);
            f.presenter().ownChannel(0, false);
            f.presenter().channels(session());
            f.presenter().levels(new int[] {5, 7, 3, 9, 6, 2}, 6);
            f.presenter().fader(2, 70);
            f.presenter().solo(4, false);
            f.presenter().group(1, 1);
            f.presenter().group(3, 1);
            f.presenter().mutedByOther(5, true);
            f.window().backendsProbed(List.of(new BackendInfo("jack", true, "", List.of("default"))));
        });
        // Input meters dark: the engine does not report input peaks yet, and the pictures should not promise them.
        f.session().status = new IndicatorReadings(true, -100, -100, 18, 38, true, 657);
        return f;
    }

    private void mainWindow(String lang, Theme theme) throws Exception {
        I18n.use(lang, false);
        Fixture f = mixerWindow(theme, ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        Pause.pause(300);
        shoot(f.window(), "main-" + theme.name().toLowerCase() + "-" + lang);
    }

    @Test
    void mainWindowLightEnglish() throws Exception {
        mainWindow("en", Theme.LIGHT);
    }

    @Test
    void mainWindowDarkEnglish() throws Exception {
        mainWindow("en", Theme.DARK);
    }

    @Test
    void mainWindowLightFrench() throws Exception {
        mainWindow("fr", Theme.LIGHT);
    }

    @Test
    void mainWindowDarkFrench() throws Exception {
        mainWindow("fr", Theme.DARK);
    }

    @Test
    void noAudioDevice() throws Exception {
        GuiActionRunner.execute(() -> Theme.install(Theme.LIGHT));
        Fixture f = window(ServerMode.NONE);
        GuiActionRunner.execute(() -> {
            f.window().setSize(1060, 420);
            f.window().backendsProbed(List.of(
                    new BackendInfo("jack", false, "no JACK server is running", List.of()),
                    new BackendInfo("javasound", false, "no sound card found", List.of())));
        });
        robot.showWindow(f.window(), null, false);
        shoot(f.window(), "no-audio-light-en");
    }

    @Test
    void serverMode() throws Exception {
        ServerMode demo = new DemoServerMode();
        Fixture f = mixerWindow(Theme.LIGHT, demo);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.menuItem("menu.server").click();
        w.menuItem("menuRunServer").click();
        w.panel("serverPanel").requireVisible();
        shoot(f.window(), "server-mode-light-en");
    }

    /** The "My server" tab in a 1280×720 window, as on a small laptop screen (English and French). */
    @Test
    void serverTabAt1280x720() throws Exception {
        for (String lang : List.of("en", "fr")) {
            I18n.use(lang, false);
            Fixture f = mixerWindow(Theme.LIGHT, new DemoServerMode());
            GuiActionRunner.execute(() -> f.window().setSize(1280, 720));
            robot.showWindow(f.window(), null, false);
            FrameFixture w = new FrameFixture(robot, f.window());
            w.menuItem("menu.server").click();
            w.menuItem("menuRunServer").click();
            w.panel("serverPanel").requireVisible();
            shoot(f.window(), "server-tab-1280x720-light-" + lang);
            w.close();
        }
    }

    /** The server tab with the port opened on the router, and with a router behind the provider's NAT. */
    @Test
    void serverTabWithPortMapping() throws Exception {
        Fixture f = mixerWindow(Theme.LIGHT, new DemoServerMode());
        GuiActionRunner.execute(() -> f.window().setSize(1280, 720));
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.menuItem("menu.server").click();
        w.menuItem("menuRunServer").click();
        w.checkBox("serverPortMapping").check();
        ServerPanel panel = (ServerPanel) w.panel("serverPanel").target();
        InetAddress router = InetAddress.getByName("192.168.1.1");
        // documentation addresses (RFC 5737, RFC 6598): only drawn, never contacted
        InetAddress external = InetAddress.getByName("203.0.113.7");
        GuiActionRunner.execute(() -> panel.showPortMapping(new PortMappingStatus(PortMappingStatus.State.MAPPED,
                "UPnP", router, external, 22124, 22124, "")));
        assertThat(GuiActionRunner.execute(panel::addressToShareText)).contains("203.0.113.7:22124");
        shoot(f.window(), "server-port-mapped-light-en");
        InetAddress carrier = InetAddress.getByName("100.64.12.34");
        GuiActionRunner.execute(() -> panel.showPortMapping(new PortMappingStatus(
                PortMappingStatus.State.BEHIND_SECOND_NAT, "NAT-PMP", router, carrier, 22124, 0, "second NAT")));
        shoot(f.window(), "server-port-cgnat-light-en");
        // still behind the provider's NAT, but registered with a Tutti directory, which says how it sees the server
        GuiActionRunner.execute(() -> panel.showSharedAddress(new AddressWatch.Update(new SharedAddress(
                new InetSocketAddress("198.51.100.23", 22124), SharedAddress.Source.DIRECTORY), null)));
        assertThat(GuiActionRunner.execute(panel::addressToShareText)).contains("as the directory sees it");
        shoot(f.window(), "server-port-directory-light-en");
        w.close();
    }

    /** Connection Setup when the directory cannot be found: the long problem wraps, the buttons stay (EN and FR). */
    @Test
    void connectDialogWithADirectoryProblem() throws Exception {
        for (String lang : List.of("en", "fr")) {
            I18n.use(lang, false);
            Fixture f = mixerWindow(Theme.LIGHT, ServerMode.NONE);
            GuiActionRunner.execute(() -> f.window().disconnected(""));
            f.session().directoryProblem = I18n.tr("connect.unresolved",
                    "friday-night-rock-and-roll-jams.community-directory.example.org:22124");
            robot.showWindow(f.window(), null, false);
            FrameFixture w = new FrameFixture(robot, f.window());
            w.button("connectButton").click();
            DialogFixture connect = WindowFinder.findDialog("connectDialog").using(robot);
            ConnectDialog dialog = (ConnectDialog) connect.target();
            GuiWait.waitFor("the problem shown", () -> GuiActionRunner.execute(dialog::statusText)
                    .contains("rock-and-roll"));
            shoot(dialog, "connect-dialog-problem-light-" + lang);
            connect.close();
            w.close();
        }
    }

    @Test
    void dialogs() throws Exception {
        Fixture f = mixerWindow(Theme.LIGHT, ServerMode.NONE);
        GuiActionRunner.execute(() -> f.window().disconnected(""));
        // "Show all musicians" is on (the default): each server lists who is on it.
        f.session().directoryRows = List.of(
                new ServerRow("203.0.113.5:22124", "Friday Night Jam", 18, 3, 10, "Lyon", 74, "3.9.1", List.of(
                        new ChannelInfo(74, 26, 2, "Camille", "Lyon"), new ChannelInfo(82, 10, 3, "Alice", "Berlin"),
                        new ChannelInfo(224, 5, 1, "Bob", "Leeds"))),
                new ServerRow("203.0.113.9:22124", "Jazz Cellar", 34, 2, 8, "Berlin", 82, "3.9.1", List.of(
                        new ChannelInfo(82, 17, 3, "Dana", "Hamburg"), new ChannelInfo(0, 1, 0, "Eli", ""))),
                new ServerRow("203.0.113.12:22124", "Choir Practice", 52, 1, 30, "Leeds", 224, "3.8.2", List.of(
                        new ChannelInfo(224, 10, 2, "Grace", "York"))),
                new ServerRow("203.0.113.40:22124", "Empty Room", 75, 0, 10, "Boston", 225, ""));
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        w.button("connectButton").click();
        DialogFixture connect = WindowFinder.findDialog("connectDialog").using(robot);
        Pause.pause(300);
        shoot(connect.target(), "connect-dialog-light-en");
        connect.button("cancel").click();
        w.button("settingsButton").click();
        DialogFixture settings = WindowFinder.findDialog("settingsDialog").using(robot);
        // a musician's folder, not the home of the machine that renders the picture (the field is not saved: Cancel)
        GuiActionRunner.execute(() -> settings.textBox("recordingFolder").target().setText("/home/camille/Music"));
        shoot(settings.target(), "settings-dialog-light-en");
        // The profile: flags and instrument pictures in the combos, the instrument list open.
        settings.tabbedPane().selectTab(1);
        javax.swing.JComboBox<?> instrument = settings.comboBox("instrument").target();
        GuiActionRunner.execute(() -> {
            instrument.setSelectedIndex(3);
            settings.comboBox("country").target().setSelectedItem(CountryNames.name(82));
            instrument.showPopup();
        });
        Pause.pause(300);
        shoot(settings.target(), "settings-profile-light-en");
        GuiActionRunner.execute(instrument::hidePopup);
        settings.button("settingsCancel").click();
        GuiActionRunner.execute(() -> {
            f.window().welcome("Welcome to <b>Friday Night Jam</b>! Chords: https://example.org/chords");
            f.window().chat("<font color=\"#2c7\">(9:02:11 PM) <b>Alice</b></font> Ready when you are");
            f.window().chat("<font color=\"#27c\">(9:02:30 PM) <b>Bob</b></font> Count us in!");
        });
        DialogFixture chat = WindowFinder.findDialog("chatWindow").using(robot);
        shoot(chat.target(), "chat-light-en");
    }

    /** The MIDI tab listening on a real (dummy) jackd's MIDI port, with pick-up and mute-myself set. */
    @Test
    void midiTab() throws Exception {
        Peers.require(Peers.JACKD);
        Path logs = Files.createTempDirectory("tutti-shots");
        try (DummyJack jack = DummyJack.start(logs);
             MidiSession midi = new MidiSession(jack.serverName(), "Tutti MIDI", new MidiTarget() {
                 @Override
                 public void mixer(java.util.function.Consumer<org.tutti.client.model.MixerModel> change) {
                 }

                 @Override
                 public void muteMyselfFromMidi(boolean muted) {
                 }
             })) {
            ClientSettings settings = new ClientSettings();
            settings.midi.enabled = true;
            settings.midi.setup = "1;f0*8;p16*8;s32*8;m48*8;o64;u;djack";
            midi.use(MidiSetup.parse(settings.midi.setup));
            SettingsDialog dialog = GuiActionRunner.execute(() -> new SettingsDialog(null, settings,
                    UiPrefs.load("org/tutti/test/shots-" + ProcessHandle.current().pid()), List.of(), midi));
            javax.swing.SwingUtilities.invokeLater(dialog::ask);
            DialogFixture s = WindowFinder.findDialog("settingsDialog").using(robot);
            s.tabbedPane().selectTab("MIDI");
            shoot(s.target(), "settings-midi-light-en");
            s.button("settingsCancel").click();
        }
    }

    /**
     * The Channels tab: a three-way split (a voice on input 3, keys as the stereo pair 4 and 5) with its cost line;
     * OK stores the split into the settings.
     */
    @Test
    void splitTab() throws Exception {
        ClientSettings settings = new ClientSettings();
        settings.profile.name = "Ana";
        settings.split.channels = 3;
        settings.split.extra = new java.util.ArrayList<>(List.of(
                new org.tutti.client.settings.SplitSettings.Extra("Ana voice", 10, 3, 0),
                new org.tutti.client.settings.SplitSettings.Extra("Ana keys", 6, 4, 5)));
        SettingsDialog dialog = GuiActionRunner.execute(() -> new SettingsDialog(null, settings,
                UiPrefs.load("org/tutti/test/shots-" + ProcessHandle.current().pid()), List.of()));
        javax.swing.SwingUtilities.invokeLater(dialog::ask);
        DialogFixture s = WindowFinder.findDialog("settingsDialog").using(robot);
        s.tabbedPane().selectTab("Channels");
        // mono normal quality at 128 samples: 222 kbit/s for channels 1 and 2, 300 for the stereo pair
        assertThat(s.textBox("splitCost").text()).startsWith("3 channels: about 744 kbit/s up and 744 kbit/s down");
        assertThat(s.textBox("splitName4").target().isEnabled()).as("channel 4 unused").isFalse();
        shoot(s.target(), "settings-split-light-en");
        s.spinner("splitCount").enterTextAndCommit("4");
        s.textBox("splitName4").setText("Ana drums");
        s.button("settingsOk").click();
        assertThat(settings.split.channels).isEqualTo(4);
        assertThat(settings.split.engineChannels("Ana")).extracting(c -> c.name())
                .containsExactly("Ana voice", "Ana keys", "Ana drums");
        assertThat(settings.split.engineChannels("Ana").get(1).stereo()).isTrue();
    }
}
