package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.MixerSetupFile;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * The mixer setup features with a real engine on a real Jamulus 3.9.1 server, three musicians sending tones (loud,
 * middle, quiet): they join at the new client level, "Auto-adjust all faders" works from the server's level meters and turns
 * the loud one down, "Set all faders to new client level" and a saved and reloaded setup act on the engine's model.
 */
class MixerSetupEngineGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;
    private JamulusServer server;
    private ClientEngine me;
    private ClientEngine loud;
    private ClientEngine quiet;
    private ClientEngine mid;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {loud, mid, quiet, me, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static ClientEngine musician(String address, String name, double amplitude) throws Exception {
        ClientSettings s = new ClientSettings();
        s.profile.name = name;
        PacedFakeBackend card = new PacedFakeBackend((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                in[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * 330 * (index + i) / 48_000));
                in[1][i] = in[0][i];
            }
        });
        ClientEngine engine = new ClientEngine(EngineFactory.options(s, card, false), new ClientListener() { });
        engine.setProfile(EngineFactory.profile(s));
        engine.connect(address).get(10, TimeUnit.SECONDS);
        return engine;
    }

    private static StripView strip(MainWindow w, String name) {
        return GuiActionRunner.execute(() -> w.board.shownOrder().stream().map(id -> w.board.strip(id).view())
                .filter(v -> v.name().equals(name)).findFirst().orElse(null));
    }

    @Test
    void newClientLevelAutoAdjustAndSetupsOnARealJamulusServer() throws Exception {
        Peers.require(Peers.JAMULUS);
        server = JamulusServer.start(dir, 10);
        String address = "127.0.0.1:" + server.udpPort();
        ClientSettings s = new ClientSettings();
        s.profile.name = "Me";
        s.mixer.newClientLevel = 50;
        EngineSession session = new EngineSession();
        session.useBackends(settings -> Optional.of(new PacedFakeBackend()));
        me = EngineFactory.create(s, new PacedFakeBackend(), session);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/mixsetup-" + ProcessHandle.current().pid());
        ServerPanelSettings own = new ServerPanelSettings("Mine", "", 0, "", 10, false, false, 0, "");
        MainWindow w = GuiActionRunner.execute(() -> DesktopApp.engineWindow(me, session, s, prefs, own, () -> { }));
        robot.showWindow(w, null, false);
        FrameFixture f = new FrameFixture(robot, w);
        GuiActionRunner.execute(() -> w.connectTo(address));
        GuiWait.waitFor("our own strip", () -> strip(w, "Me") != null);

        loud = musician(address, "Loud", 0.8);
        mid = musician(address, "Mid", 0.1);
        quiet = musician(address, "Quiet", 0.02);
        GuiWait.waitFor("three musicians", () -> strip(w, "Loud") != null && strip(w, "Mid") != null
                && strip(w, "Quiet") != null);
        assertThat(strip(w, "Loud").fader()).isEqualTo(50);
        assertThat(strip(w, "Quiet").fader()).isEqualTo(50);
        assertThat(strip(w, "Me").fader()).isEqualTo(100);
        GuiWait.waitFor("the server's level meters show them", () -> strip(w, "Loud").level() >= 6
                && strip(w, "Quiet").level() >= 1 && strip(w, "Loud").level() > strip(w, "Mid").level()
                && strip(w, "Mid").level() > strip(w, "Quiet").level());

        // Auto-adjust from the averaged meters: faders only attenuate, so the middle one (the median) sets the
        // reference: it and the quiet one go to full, the loud one well down. The average settles as level lists
        // arrive, so the menu is used again until it has.
        GuiWait.waitFor("auto-adjust turned the loud one down", () -> {
            f.menuItem("menu.edit").click();
            f.menuItem("menu.autoAdjust").click();
            StripView l = strip(w, "Loud");
            StripView q = strip(w, "Quiet");
            return q.fader() == 100 && strip(w, "Mid").fader() == 100 && l.fader() < 60;
        });
        assertThat(strip(w, "Me").fader()).isEqualTo(100);

        f.menuItem("menu.edit").click();
        f.menuItem("menu.allToNewClientLevel").click();
        GuiWait.waitFor("both back at 50", () -> strip(w, "Loud").fader() == 50 && strip(w, "Quiet").fader() == 50);

        Path file = dir.resolve("jam.json");
        GuiActionRunner.execute(() -> w.mixerSetup.save(file)).get(10, TimeUnit.SECONDS);
        assertThat(MixerSetupFile.read(file).faders()).containsEntry("Loud", new FaderSettings(50, 50, false, false, 0))
                .containsEntry("Quiet", new FaderSettings(50, 50, false, false, 0));
        Path edited = dir.resolve("edited.json");
        MixerSetupFile.write(edited, Map.of("Loud", new FaderSettings(20, 50, false, false, 0),
                "Quiet", new FaderSettings(90, 50, true, false, 0)));
        GuiActionRunner.execute(() -> w.mixerSetup.load(edited)).get(10, TimeUnit.SECONDS);
        GuiWait.waitFor("the loaded setup on the strips", () -> strip(w, "Loud").fader() == 20
                && strip(w, "Quiet").fader() == 90 && strip(w, "Quiet").mute());
        assertThat(Files.exists(file)).isTrue();
    }
}
