package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.jack.JackMidiSender;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiTarget;
import org.tutti.client.model.MixerModel;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.mixer.MixerBoard;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.client.ui.settings.SettingsDialog;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * The settings' MIDI tab on a real (dummy) jackd: ticking "use a MIDI controller" opens the JACK MIDI port at once,
 * "Learn" takes the controller a real JACK MIDI client moves, and the mapping then moves a real mixer model's strip.
 */
class MidiTabGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void learnTakesTheControlThatMovesAndTheMappingAppliesAtOnce() throws Exception {
        Peers.require(Peers.JACKD);
        MixerModel mixer = new MixerModel();
        mixer.updateChannels(band());
        MidiTarget target = new MidiTarget() {
            @Override
            public synchronized void mixer(Consumer<MixerModel> change) {
                synchronized (mixer) {
                    change.accept(mixer);
                }
            }

            @Override
            public void muteMyselfFromMidi(boolean muted) {
            }
        };
        try (DummyJack jack = DummyJack.start(dir);
             MidiSession midi = new MidiSession(jack.serverName(), "Learner MIDI", target);
             JackMidiSender controller = JackMidiSender.open(jack.serverName(), "knobs")) {
            ClientSettings settings = new ClientSettings();
            SettingsDialog dialog = GuiActionRunner.execute(() -> new SettingsDialog(null, settings,
                    UiPrefs.load("org/tutti/test/midi-" + ProcessHandle.current().pid()), List.of(), midi));
            SwingUtilities.invokeLater(dialog::ask);
            DialogFixture s = WindowFinder.findDialog("settingsDialog").using(robot);
            s.tabbedPane().selectTab("MIDI");
            s.comboBox("midiDevice").selectItem("jack");
            s.checkBox("midiEnabled").click();
            Await.until("the JACK MIDI port", () -> jack.describePorts().contains("Learner MIDI:input midi"));
            s.label("midiStatus").requireText("Listening on JACK MIDI port Learner MIDI:input midi.");
            jack.connect(controller.portName(), "Learner MIDI:input midi");

            s.toggleButton("midiFadersLearn").click();
            controller.controlChange(3, 40, 5);
            Await.until("learned controller 40", () -> GuiActionRunner.execute(
                    () -> settings.midi.setup).contains("f40*8"));
            s.spinner("midiFadersFirst").requireValue(40);
            s.toggleButton("midiFadersLearn").requireNotSelected();

            controller.controlChange(3, 42, 0); // controller 40 + 2: channel ID 2's fader to 0
            Await.until("strip 2 at 0", () -> {
                synchronized (mixer) {
                    return mixer.channel(2).fader() == 0;
                }
            });
            assertThat(GuiActionRunner.execute(() -> settings.midi.enabled)).isTrue();

            s.checkBox("midiEnabled").click();
            Await.until("the port is gone", () -> !jack.describePorts().contains("Learner MIDI:input midi"));
            s.button("settingsCancel").click();
        }
    }

    @Test
    void withMidiOnTheStripsShowTheChannelIdsTheControllersAddressAsJamulusDoes() {
        MixerBoard board = GuiActionRunner.execute(() -> {
            MixerBoard b = new MixerBoard(new org.tutti.client.ui.mixer.MixerActions() {
                @Override
                public void fader(int channelId, int fader) {
                }

                @Override
                public void pan(int channelId, int pan) {
                }

                @Override
                public void mute(int channelId, boolean mute) {
                }

                @Override
                public void solo(int channelId, boolean solo) {
                }

                @Override
                public void group(int channelId, int group) {
                }
            });
            b.render(band().stream().map(p -> new StripView(p.channelId(), p.name(), p.instrument(), p.country(),
                    p.city(), p.skill(), 100, 50, false, false, 0, false, 0, p.channelId() == 0)).toList());
            return b;
        });
        assertThat(nameShown(board, 2)).isEqualTo("Bob");
        GuiActionRunner.execute(() -> board.setShowChannelIds(true));
        assertThat(nameShown(board, 2)).isEqualTo("2: Bob");
        GuiActionRunner.execute(() -> board.setShowChannelIds(false));
        assertThat(nameShown(board, 2)).isEqualTo("Bob");
    }

    private static String nameShown(MixerBoard board, int channelId) {
        return GuiActionRunner.execute(() -> ((javax.swing.JLabel) org.assertj.swing.core.BasicComponentFinder
                .finderWithCurrentAwtHierarchy().findByName(board.strip(channelId), "name-" + channelId)).getText());
    }
}
