package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.settings.MixerSetupFile;
import org.tutti.client.ui.server.ServerMode;

/** File → Load/Save Mixer Channels Setup and the Edit menu, on the real window under Xvfb with real files. */
class MixerSetupGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    private FrameFixture joined(Fixture f) {
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        GuiActionRunner.execute(() -> {
            f.window().connected("127.0.0.1:22124");
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
        });
        return w;
    }

    @Test
    void editMenuSetsAllFadersToTheNewClientLevelAndClearsSoloAndMute() {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = joined(f);
        w.menuItem("menu.edit").requireVisible();
        GuiActionRunner.execute(() -> f.presenter().model().setNewClientLevel(60));
        w.menuItem("menu.edit").click();
        w.menuItem("menu.allToNewClientLevel").click();
        assertThat(value(w, "fader-1")).isEqualTo(60);
        assertThat(value(w, "fader-3")).isEqualTo(60);
        assertThat(value(w, "fader-0")).isEqualTo(100); // our own strip stays
        w.toggleButton("solo-1").click();
        w.toggleButton("mute-2").click();
        w.menuItem("menu.edit").click();
        w.menuItem("menu.clearSoloMute").click();
        w.toggleButton("solo-1").requireNotSelected();
        w.toggleButton("mute-2").requireNotSelected();
        assertThat(f.sink().gains).containsEntry(2, org.tutti.client.model.FaderLaw.gain(60));
    }

    @Test
    void saveThroughTheFileChooserThenLoadPutsTheFadersBack() throws Exception {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = joined(f);
        w.slider("fader-2").slideTo(50);
        w.toggleButton("mute-3").click();
        w.menuItem("menu.file").click();
        w.menuItem("menu.saveSetup").click();
        JFileChooserFixture chooser = w.fileChooser("mixerSetupChooser");
        chooser.setCurrentDirectory(dir.toFile());
        chooser.fileNameTextBox().deleteText().enterText("band");
        chooser.approve();
        Path file = dir.resolve("band.json");
        GuiWait.waitFor("the setup file written", () -> Files.exists(file));
        assertThat(MixerSetupFile.read(file).faders())
                .containsEntry("Bob", new FaderSettings(50, 50, false, false, 0))
                .containsEntry("Chloé", new FaderSettings(100, 50, true, false, 0));

        w.slider("fader-2").slideTo(90);
        w.toggleButton("mute-3").click();
        // saving again under the same name asks first; "No" leaves the file as it was
        String before = Files.readString(file);
        w.menuItem("menu.file").click();
        w.menuItem("menu.saveSetup").click();
        JFileChooserFixture again = w.fileChooser("mixerSetupChooser");
        again.setCurrentDirectory(dir.toFile());
        again.fileNameTextBox().deleteText().enterText("band.json");
        again.approve();
        org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().using(robot).noButton().click();
        assertThat(Files.readString(file)).isEqualTo(before);
        GuiActionRunner.execute(() -> f.window().mixerSetup.load(file)).get(30, TimeUnit.SECONDS);
        assertThat(value(w, "fader-2")).isEqualTo(50);
        w.toggleButton("mute-3").requireSelected();
    }

    /** A Jamulus.ini as Jamulus 3.9 writes it: other client keys around the stored fader keys, tags in base64. */
    @Test
    void loadsAJamulusIni() throws Exception {
        Fixture f = window(ServerMode.NONE);
        FrameFixture w = joined(f);
        Path ini = dir.resolve("Jamulus.ini");
        Files.writeString(ini, "<client>\n <ipaddress0>jam.example.org</ipaddress0>\n <newclientlevel>100</newclientlevel>\n"
                + jamulusStrip(0, "Alice", 30, 0, true, false, 1)
                + jamulusStrip(1, "Bob", 75, 100, false, true, -1)
                + " <storedfadertag2_base64></storedfadertag2_base64>\n <storedfaderlevel2>100</storedfaderlevel2>\n"
                + "</client>\n", StandardCharsets.UTF_8);
        var loaded = GuiActionRunner.execute(() -> f.window().mixerSetup.load(ini)).get(30, TimeUnit.SECONDS);
        assertThat(loaded.dropped()).isZero();
        assertThat(value(w, "fader-1")).isEqualTo(30);
        w.toggleButton("solo-1").requireSelected();
        assertThat(value(w, "fader-2")).isEqualTo(75);
        w.toggleButton("mute-2").requireSelected();
        assertThat(GuiActionRunner.execute(() -> f.presenter().model().channel(1).group())).isEqualTo(2);
        assertThat(GuiActionRunner.execute(() -> f.presenter().model().channel(2).pan())).isEqualTo(100);
    }

    private static int value(FrameFixture w, String slider) {
        return GuiActionRunner.execute(() -> w.slider(slider).target().getValue());
    }

    private static String jamulusStrip(int i, String name, int level, int pan, boolean solo, boolean mute, int group) {
        String tag = Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
        return " <storedfadertag" + i + "_base64>" + tag + "</storedfadertag" + i + "_base64>\n"
                + " <storedfaderlevel" + i + ">" + level + "</storedfaderlevel" + i + ">\n"
                + " <storedpanvalue" + i + ">" + pan + "</storedpanvalue" + i + ">\n"
                + " <storedfaderissolo" + i + ">" + (solo ? 1 : 0) + "</storedfaderissolo" + i + ">\n"
                + " <storedfaderismute" + i + ">" + (mute ? 1 : 0) + "</storedfaderismute" + i + ">\n"
                + " <storedgroupid" + i + ">" + group + "</storedgroupid" + i + ">\n";
    }
}
