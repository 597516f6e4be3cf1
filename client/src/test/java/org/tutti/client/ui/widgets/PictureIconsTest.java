package org.tutti.client.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.Icon;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tutti.client.ui.LookAndFeelRestore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.client.ui.CountryNames;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.Theme;
import org.tutti.client.ui.ThemeColours;
import org.tutti.protocol.Countries;

/**
 * Every country and instrument in our tables resolves to an SVG of the packaged icon sets that FlatSVGIcon really
 * renders (pixels painted into an image), in the theme's colour where the picture is monochrome.
 */
@ExtendWith(LookAndFeelRestore.class)
class PictureIconsTest {
    /** QO, a UN region with an ISO user-assigned code: no flag, the strip shows its name only. */
    private static final int OUTLYING_OCEANIA = 259;
    @BeforeEach
    void lightTheme() throws Exception {
        SwingUtilities.invokeAndWait(() -> Theme.install(Theme.LIGHT));
    }

    @Test
    void everyCountryWithAnIsoCodeHasAFlagThatRenders() {
        int flags = 0;
        for (int code = 0; code <= Countries.LAST; code++) {
            if (CountryNames.iso(code).isEmpty() || code == OUTLYING_OCEANIA) {
                assertThat(PictureIcons.flag(code, 12)).as("code %d has no ISO country", code).isNull();
                continue;
            }
            Icon flag = PictureIcons.flag(code, 12);
            assertThat(flag).as("flag of %d (%s)", code, CountryNames.iso(code)).isNotNull();
            assertThat(flag.getIconWidth()).isEqualTo(16);
            assertThat(flag.getIconHeight()).isEqualTo(12);
            // a quarter: Nepal's flag is not a rectangle
            assertThat(paintedPixels(flag)).as("pixels of %s", CountryNames.iso(code)).isGreaterThan(16 * 12 / 4);
            flags++;
        }
        assertThat(flags).isGreaterThanOrEqualTo(CountryNames.known().length - 1);
    }

    @Test
    void theFlagOfGermanyIsFlagIconsDe() {
        assertThat(PictureIcons.flag(82, 12).getName())
                .startsWith("META-INF/resources/webjars/flag-icons/").endsWith("/flags/4x3/de.svg");
    }

    @Test
    void everyInstrumentHasABadgeAndThoseWithAPictureRenderIt() {
        int pictures = 0;
        for (int code = 1; code < Instruments.COUNT; code++) {
            assertThat(paintedPixels(PictureIcons.instrument(code, 26))).as("badge of %d", code).isGreaterThan(200);
            if (InstrumentPictures.of(code) != null) {
                Icon picture = PictureIcons.picture(code, 16);
                assertThat(picture).as("picture %s of %d", InstrumentPictures.of(code), code).isNotNull();
                assertThat(paintedPixels(picture)).as("picture of %d", code).isGreaterThan(20);
                pictures++;
            }
        }
        assertThat(pictures).isEqualTo(30);
        assertThat(paintedPixels(PictureIcons.instrument(0, 26))).as("no instrument, no badge").isZero();
    }

    @Test
    void theSameIconIsMadeOnceAndKept() {
        assertThat(PictureIcons.instrument(3, 26)).isSameAs(PictureIcons.instrument(3, 26));
        assertThat(PictureIcons.flag(82, 12)).isSameAs(PictureIcons.flag(82, 12));
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void aMonochromePictureIsPaintedInTheThemesColourNotInBlack(Theme theme) throws Exception {
        SwingUtilities.invokeAndWait(() -> Theme.install(theme));
        Color expected = ThemeColours.get(ThemeColours.INSTRUMENT_LETTERS);
        BufferedImage image = paint(PictureIcons.picture(1, 24)); // the drum
        int opaque = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if (argb >>> 24 == 0xFF) {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB() & 0xFFFFFF);
                    opaque++;
                }
            }
        }
        assertThat(opaque).isGreaterThan(10);
    }

    @Test
    void theShadedJarKeepsEveryPictureTheTableNames() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        for (int code = 0; code < Instruments.COUNT; code++) {
            String name = InstrumentPictures.of(code);
            if (name != null) {
                assertThat(pom).as("client/pom.xml shade filter").contains("/icons/" + name + ".svg</include>");
            }
        }
    }

    private static int paintedPixels(Icon icon) {
        BufferedImage image = paint(icon);
        int painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) >>> 24 != 0) {
                    painted++;
                }
            }
        }
        return painted;
    }

    private static BufferedImage paint(Icon icon) {
        BufferedImage image = new BufferedImage(icon.getIconWidth(), icon.getIconHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return image;
    }
}
