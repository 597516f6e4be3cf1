package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioDevice;
import org.tutti.client.engine.ChannelMapping;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.ui.settings.BackendInfo;

/**
 * The Audio tab's channel mapping: shown for a four-input card with Jamulus's mixed choices, hidden for a stereo
 * card, JACK's ports by name, a note where the stored choice is not on the device, the choice stored on OK.
 */
class ChannelMappingGuiTest extends GuiTestSupport {
    private static final AudioDevice QUAD = new AudioDevice("ALSA: Quad", "Quad", 4, 4);
    private static final AudioDevice STEREO = new AudioDevice("ALSA: Stereo", "Stereo", 2, 2);
    private static final AudioDevice TWO_IN_FOUR_OUT = new AudioDevice("ALSA: Outs", "Outs", 2, 4);

    @Test
    void mappingFollowsTheChosenDeviceAndIsStored() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        GuiActionRunner.execute(() -> {
            f.window().backendsProbed(List.of(
                    new BackendInfo("jack", true, "", List.of("default")),
                    new BackendInfo("portaudio", true, "", List.of(QUAD.name(), STEREO.name(), TWO_IN_FOUR_OUT.name()),
                            List.of(QUAD, STEREO, TWO_IN_FOUR_OUT), Set.of())));
            f.window().settings().audio.backend = "portaudio";
            f.window().settings().audio.device = QUAD.name();
            f.window().settings().audio.channelMapping(new ChannelMapping(0, 6, 0, 1));
        });

        w.button("settingsButton").click();
        DialogFixture settings = WindowFinder.findDialog("settingsDialog").using(robot);
        settings.comboBox("inputRight").requireVisible().requireSelection("Channel 2 + 3");
        assertThat(settings.comboBox("inputLeft").contents()).containsExactly("Channel 1", "Channel 2", "Channel 3",
                "Channel 4", "Channel 1 + 3", "Channel 1 + 4", "Channel 2 + 3", "Channel 2 + 4");
        assertThat(visible("driverSetup")).as("no ASIO here").isFalse();
        assertThat(visible("channelMappingNote")).isFalse();

        settings.comboBox("device").selectItem(STEREO.name());
        assertThat(visible("inputLeft")).as("a stereo card offers no choice").isFalse();
        settings.comboBox("device").selectItem(TWO_IN_FOUR_OUT.name());
        assertThat(settings.comboBox("inputLeft").contents()).containsExactly("Channel 1", "Channel 2");
        assertThat(visible("channelMappingNote")).as("'2 + 3' is not on a two-input card").isTrue();

        settings.comboBox("backend").selectItem("jack");
        assertThat(settings.comboBox("inputLeft").contents()).containsExactly("input left", "input right",
                "input 3", "input 4", "input 5", "input 6", "input 7", "input 8");
        settings.comboBox("outputRight").requireSelection("output right");
        settings.comboBox("inputLeft").selectItem("input 3");
        settings.comboBox("outputLeft").selectItem("output 4");
        settings.button("settingsOk").click();
        assertThat(GuiActionRunner.execute(() -> f.window().settings().audio.channelMapping()))
                .isEqualTo(new ChannelMapping(2, 6, 3, 1));
    }

    private boolean visible(String name) {
        return GuiActionRunner.execute(() -> robot.finder().findByName(name, false).isVisible());
    }
}
