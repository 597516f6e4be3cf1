package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every colour the code reads ({@link ThemeColours#ALL}) is defined by both themes, and nothing else is. */
@ExtendWith(LookAndFeelRestore.class)
class ThemeColoursTest {
    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void theInstalledThemeHasEveryColour(Theme theme) throws Exception {
        SwingUtilities.invokeAndWait(() -> Theme.install(theme));
        for (String key : ThemeColours.ALL) {
            assertThat(UIManager.getColor(key)).as("%s in %s", key, theme).isNotNull();
        }
    }

    @Test
    void bothThemeFilesDefineExactlyTheKeysTheCodeReads() throws IOException {
        for (String file : new String[] {"FlatLightLaf.properties", "FlatDarkLaf.properties"}) {
            Properties p = new Properties();
            try (InputStream in = ThemeColours.class.getResourceAsStream("theme/" + file)) {
                assertThat(in).as(file).isNotNull();
                p.load(in);
            }
            assertThat(new TreeSet<>(p.stringPropertyNames())).as(file)
                    .isEqualTo(new TreeSet<>(ThemeColours.ALL));
        }
    }

    @Test
    void keysAreUnique() {
        assertThat(ThemeColours.ALL).doesNotHaveDuplicates();
    }

    @Test
    void darkDiffersWhereTheBackgroundShowsThrough() throws Exception {
        SwingUtilities.invokeAndWait(() -> Theme.install(Theme.LIGHT));
        var light = ThemeColours.get(ThemeColours.METER_OFF);
        SwingUtilities.invokeAndWait(() -> Theme.install(Theme.DARK));
        assertThat(ThemeColours.get(ThemeColours.METER_OFF)).isNotEqualTo(light);
    }
}
