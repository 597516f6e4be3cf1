package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Color;
import java.awt.Dimension;
import java.util.List;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.junit.jupiter.api.Test;
import org.tutti.client.model.FaderLaw;
import org.tutti.client.session.IndicatorReadings;
import org.tutti.client.ui.connect.ServerRow;
import org.tutti.client.ui.mixer.ChannelStrip;
import org.tutti.client.ui.mixer.MixerSort;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.ui.settings.BackendInfo;
import org.tutti.client.ui.widgets.Led;

/** Drives the real main window under Xvfb: mixer strips, fader, solo, mute myself, LEDs, chat, connect flow. */
class MainWindowGuiTest extends GuiTestSupport {

    private FrameFixture show(Fixture f) {
        robot.showWindow(f.window(), null, false);
        return new FrameFixture(robot, f.window());
    }

    private static void join(Fixture f) {
        GuiActionRunner.execute(() -> {
            f.window().connected("127.0.0.1:22124");
            f.window().serverName("Test Jam");
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
    }

    @Test
    void oneStripPerMusicianOwnFirstWithAccessibleNames() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        join(f);
        assertThat(GuiActionRunner.execute(() -> f.window().board.shownOrder())).containsExactly(0, 1, 2, 3);
        w.label("serverHeading").requireText("Test Jam");
        w.toggleButton("mute-1").requireVisible();
        assertThat(GuiActionRunner.execute(() ->
                f.window().board.strip(1).view().name())).isEqualTo("Alice");
        assertThat(w.toggleButton("mute-1").target().getAccessibleContext().getAccessibleName())
                .isEqualTo("Mute Alice");
        assertThat(w.toggleButton("solo-3").target().getAccessibleContext().getAccessibleName())
                .isEqualTo("Solo Chloé");
        assertThat(w.slider("fader-2").target().getAccessibleContext().getAccessibleName()).isEqualTo("Volume of Bob");
    }

    @Test
    void movingAFaderSendsItsGain() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        join(f);
        w.slider("fader-2").slideTo(50);
        assertThat(f.sink().gains).containsEntry(2, FaderLaw.gain(50));
        assertThat(f.sink().gains).doesNotContainKeys(1, 3);
    }

    @Test
    void soloingOneStripSilencesTheOthers() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        join(f);
        w.toggleButton("solo-1").click();
        w.toggleButton("solo-1").requireSelected();
        assertThat(f.sink().gains).containsEntry(0, 0.0).containsEntry(2, 0.0).containsEntry(3, 0.0)
                .doesNotContainKey(1);
        w.toggleButton("solo-1").click();
        assertThat(f.sink().gains).containsEntry(0, 1.0).containsEntry(2, 1.0).containsEntry(3, 1.0);
    }

    @Test
    void muteMyselfAndBalanceGoToTheEngine() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        w.checkBox("muteMyself").click();
        w.label("mutedBanner").requireVisible();
        assertThat(f.session().calls).contains("muteMyself true");
        w.slider("inputBalance").slideTo(20);
        assertThat(f.session().calls).contains("balance 20");
    }

    @Test
    void ledsAndFiguresFollowTheEngineCounters() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        f.session().status = new IndicatorReadings(true, -6, -12, 12, 55, false, 657);
        pause(new Condition("status shown") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> f.window().status.delayLed.state() == Led.State.YELLOW);
            }
        });
        w.label("delay").requireText("Delay 55 ms");
        w.label("ping").requireText("Ping 12 ms");
        w.label("streamRate").requireText("Stream 657 kbit/s");
        assertThat(GuiActionRunner.execute(() -> f.window().status.jitterLed.state())).isEqualTo(Led.State.RED);
        assertThat(GuiActionRunner.execute(() -> f.window().status.left.level())).isEqualTo(7.04);
    }

    @Test
    void recordingBannerAndChatOpenOnMessage() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        assertThat(GuiActionRunner.execute(() -> f.window().recording.isVisible())).isFalse();
        GuiActionRunner.execute(() -> f.window().recording(true));
        w.label("recordingBanner").requireVisible().requireText("RECORDING ACTIVE");
        GuiActionRunner.execute(() -> f.window().chat(
                "<font color=\"blue\">(10:00:00 PM) <b>Alice</b></font> see https://jamulus.io <img src=x>"));
        DialogFixture chat = WindowFinder
                .findDialog("chatWindow").using(robot);
        chat.requireVisible();
        assertThat(GuiActionRunner.execute(() -> f.window().chat.historyText())).contains("Alice")
                .contains("https://jamulus.io");
        assertThat(GuiActionRunner.execute(() -> f.window().chat.historyHtml())).contains("href=\"https://jamulus.io\"")
                .doesNotContain("<img");
        chat.textBox("chatInput").enterText("hello band\n");
        assertThat(f.session().chats).containsExactly("hello band");
    }

    @Test
    void connectDialogListsFiltersAndConnectsOnDoubleClick() {
        Fixture f = window(ServerMode.NONE);
        f.session().directoryRows = List.of(
                new ServerRow("10.0.0.1:22124", "Empty Room", 30, 0, 10, "Paris", 74, "3.9.1"),
                new ServerRow("10.0.0.2:22124", "Busy Jam", 12, 4, 10, "Berlin", 82, "3.9.1"));
        FrameFixture w = show(f);
        w.button("connectButton").click();
        DialogFixture d = WindowFinder
                .findDialog("connectDialog").using(robot);
        pause(new Condition("servers listed") {
            @Override
            public boolean test() {
                return d.table("serverList").rowCount() == 2;
            }
        });
        assertThat(f.session().calls).contains("query anygenre1.jamulus.app:22124");
        assertThat(d.table("serverList").valueAt(org.assertj.swing.data.TableCell.row(0).column(0)))
                .isEqualTo("Busy Jam"); // sorted by ping
        d.textBox("filter").enterText("#");
        assertThat(d.table("serverList").rowCount()).isEqualTo(1);
        d.table("serverList").cell(org.assertj.swing.data.TableCell.row(0).column(0)).doubleClick();
        assertThat(f.session().calls).contains("connect 10.0.0.2:22124");
        w.button("connectButton").requireText("Disconnect");
        w.label("serverHeading").requireText("Busy Jam");
        assertThat(f.window().settings.network.recentServers).startsWith("10.0.0.2:22124", "127.0.0.1:22124");
    }

    @Test
    void noAudioDeviceIsSaidPlainlyWithAWayToPickAnother() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        assertThat(GuiActionRunner.execute(() -> f.window().audioWarning.isVisible())).isFalse();
        GuiActionRunner.execute(() -> f.window().backendsProbed(List.of(
                new BackendInfo("jack", false, "no JACK server is running", List.of()))));
        w.panel("audioWarning").requireVisible();
        assertThat(GuiActionRunner.execute(() -> f.window().audioWarningText.getText()))
                .contains("No usable audio device").contains("no JACK server is running");
        w.button("pickAudio").click();
        DialogFixture s = WindowFinder
                .findDialog("settingsDialog").using(robot);
        s.comboBox("backend").requireVisible();
        s.button("settingsCancel").click();
    }

    @Test
    void sortingByNameKeepsOwnStripFirst() {
        Fixture f = window(ServerMode.NONE);
        show(f);
        join(f);
        GuiActionRunner.execute(() -> f.window().board.setSort(MixerSort.NAME, true));
        assertThat(GuiActionRunner.execute(() -> f.window().board.shownOrder())).containsExactly(0, 1, 2, 3);
        GuiActionRunner.execute(() -> f.window().board.setSort(MixerSort.NAME, false));
        // Alice, Bob, Chloé, Me
        assertThat(GuiActionRunner.execute(() -> f.window().board.shownOrder())).containsExactly(1, 2, 3, 0);
        GuiActionRunner.execute(() -> f.window().board.setSort(MixerSort.CITY, false));
        // Berlin, Genève, Leeds, Lyon
        assertThat(GuiActionRunner.execute(() -> f.window().board.shownOrder())).containsExactly(1, 3, 2, 0);
    }

    @Test
    void closingRemembersWhereTheWindowWas() {
        Fixture f = window(ServerMode.NONE);
        show(f);
        GuiActionRunner.execute(() -> {
            f.window().setSize(900, 600);
            f.window().dispose();
        });
        assertThat(f.window().settings.window.width).isEqualTo(900);
        assertThat(f.window().settings.window.height).isEqualTo(600);
        MainWindow again = GuiActionRunner.execute(() -> new MainWindow(f.session(), f.presenter(),
                f.window().settings, f.window().prefs, ServerMode.NONE, () -> { }));
        Dimension size = GuiActionRunner.execute(() -> again.getSize());
        assertThat(size).isEqualTo(new Dimension(900, 600));
        boolean placed = GuiActionRunner.execute(() -> again.placedFromSettings());
        assertThat(placed).isTrue();
        GuiActionRunner.execute(again::dispose);
    }

    @Test
    void choosingTheDarkThemeRestylesTheOpenWindow() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = show(f);
        join(f);
        Color lightExpert = GuiActionRunner.execute(() -> f.window().board.strip(1).tagColour());
        w.button("settingsButton").click();
        DialogFixture s = WindowFinder
                .findDialog("settingsDialog").using(robot);
        s.tabbedPane().selectTab("Interface");
        s.comboBox("theme").selectItem("Dark");
        s.button("settingsOk").click();
        assertThat(GuiActionRunner.execute(FlatLaf::isLafDark)).isTrue();
        assertThat(f.window().prefs.theme).isEqualTo(Theme.DARK);
        Color darkExpert = GuiActionRunner.execute(() -> f.window().board.strip(1).tagColour());
        assertThat(darkExpert).isNotEqualTo(lightExpert).isEqualTo(GuiActionRunner.execute(() -> ChannelStrip.skillColour(3)));
    }
}
