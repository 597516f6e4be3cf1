package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.widgets.PictureIcons;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * A musician from Germany playing electric guitar joins a real in-process server over UDP: the strip in a real window
 * shows the German flag (the flag-icons SVG, painted black, red and gold) and the guitar picture, with the names as
 * tooltips.
 */
class MixerPicturesGuiTest extends GuiTestSupport {
    private static final int GERMANY = 82;
    private static final int ELECTRIC_GUITAR = 3;
    private ServerEngine server;
    private ClientEngine ours;
    private ClientEngine greta;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {greta, ours, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aStripForAMusicianFromGermanyShowsTheGermanFlagAndTheGuitar() throws Exception {
        server = ServerEngine.start(ServerConfig.defaults(0, 10), null);
        String address = "127.0.0.1:" + server.port();
        MainWindow w = window();
        robot.showWindow(w, null, false);
        FrameFixture f = new FrameFixture(robot, w);
        GuiActionRunner.execute(() -> w.connectTo(address));
        greta = FakeMusician.connect(address, "Greta", ELECTRIC_GUITAR, GERMANY, "Berlin");
        GuiWait.waitFor("Greta's strip with her country", () -> stripNamed(w, "Greta") != null
                && stripNamed(w, "Greta").country() == GERMANY);
        int id = stripNamed(w, "Greta").channelId();

        JLabel country = f.label("country-" + id).target();
        FlatSVGIcon flag = GuiActionRunner.execute(() -> (FlatSVGIcon) country.getIcon());
        assertThat(flag.getName()).endsWith("/flags/4x3/de.svg");
        assertThat(GuiActionRunner.execute(() -> country.getToolTipText())).isEqualTo("Germany");
        BufferedImage shot = paint(country);
        assertThat(hasColourNear(shot, 0xFFCC00)).as("gold stripe").isTrue();
        assertThat(hasColourNear(shot, 0xFF0000)).as("red stripe").isTrue();

        JLabel instrument = f.label("instrument-" + id).target();
        assertThat(GuiActionRunner.execute(() -> instrument.getToolTipText())).isEqualTo("Electric Guitar");
        assertThat(GuiActionRunner.execute(() -> instrument.getIcon()))
                .isSameAs(GuiActionRunner.execute(() -> PictureIcons.instrument(ELECTRIC_GUITAR, 26)));
    }

    private MainWindow window() {
        ClientSettings s = new ClientSettings();
        s.profile.name = "Me";
        s.profile.instrument = 10;
        EngineSession session = new EngineSession();
        session.useBackends(settings -> Optional.of(new PacedFakeBackend()));
        ours = EngineFactory.create(s, new PacedFakeBackend(), session);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/pictures-" + ProcessHandle.current().pid());
        return GuiActionRunner.execute(() -> DesktopApp.engineWindow(ours, session, s, prefs,
                ServerPanelSettings.DEFAULT, () -> { }));
    }

    /** The label as it is painted on screen (on the EDT). */
    private static BufferedImage paint(JLabel label) {
        return GuiActionRunner.execute(() -> {
            BufferedImage image = new BufferedImage(label.getWidth(), label.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            label.paint(g);
            g.dispose();
            return image;
        });
    }

    private static boolean hasColourNear(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (rgb & 0xFF));
                if (d < 24) {
                    return true;
                }
            }
        }
        return false;
    }
}
