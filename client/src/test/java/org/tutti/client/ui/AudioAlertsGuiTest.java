package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.ui.server.ServerMode;

/** Audio alerts switched on in the settings dialog: a chat message and a musician joining each ask for a sound. */
class AudioAlertsGuiTest extends GuiTestSupport {
    @Test
    void offByDefaultThenOnFromTheSettingsDialog() {
        Fixture f = window(ServerMode.NONE);
        robot.showWindow(f.window(), null, false);
        FrameFixture w = new FrameFixture(robot, f.window());
        GuiActionRunner.execute(() -> {
            f.window().connected("127.0.0.1:22124");
            f.presenter().ownChannel(0, false);
            f.presenter().channels(band());
            f.window().chat("<b>Alice</b>: hello");
            f.window().chat.setVisible(false); // the chat window opened on the message; out of the way
        });
        assertThat(requested(f)).isZero(); // Jamulus's default: off

        w.button("settingsButton").click();
        DialogFixture settings = WindowFinder.findDialog("settingsDialog").using(robot);
        settings.tabbedPane().selectTab(2);
        settings.checkBox("audioAlerts").requireNotSelected().click();
        settings.button("settingsOk").click();
        assertThat(GuiActionRunner.execute(() -> f.window().settings().audio.alerts)).isTrue();

        GuiActionRunner.execute(() -> f.window().chat("<b>Bob</b>: again"));
        assertThat(requested(f)).isEqualTo(1);
        w.slider("fader-1").slideTo(40); // the board is drawn again, nobody joined
        assertThat(requested(f)).isEqualTo(1);
        GuiActionRunner.execute(() -> {
            List<ChannelProfile> more = new ArrayList<>(band());
            more.add(new ChannelProfile(4, "Dana", 2, 82, "Köln", 2));
            f.presenter().channels(more);
        });
        assertThat(requested(f)).isEqualTo(2);
    }

    private static int requested(Fixture f) {
        return GuiActionRunner.execute(() -> f.window().alerts.player().requested());
    }
}
