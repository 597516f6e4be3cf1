package org.tutti.client.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;

/**
 * Light and dark FlatLaf themes. "system" asks the desktop whether it prefers dark (GNOME/GTK, macOS, Windows); any
 * failure means light. FlatLaf scales by the screen's DPI itself, so HiDPI needs nothing more here.
 */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    /** Parses a setting value; unknown values mean {@link #SYSTEM}. */
    public static Theme parse(String value) {
        if (value == null) {
            return SYSTEM;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }

    /** LIGHT or DARK; for SYSTEM this may run a short desktop query, so call it off the EDT at start-up. */
    public Theme resolve() {
        return this != SYSTEM ? this : (systemPrefersDark() ? DARK : LIGHT);
    }

    /** Package of Tutti's colours ({@link ThemeColours}) for each theme: FlatLightLaf.properties, FlatDarkLaf.properties. */
    private static final String COLOURS = "org.tutti.client.ui.theme";
    private static boolean coloursRegistered;

    /** Installs the resolved theme with Tutti's colours; must run on the EDT. Already-open windows are repainted. */
    public static void install(Theme resolved) {
        if (!coloursRegistered) {
            FlatLaf.registerCustomDefaultsSource(COLOURS, Theme.class.getClassLoader());
            coloursRegistered = true;
        }
        if (resolved == DARK) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        FlatLaf.updateUI();
    }

    static boolean systemPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null) {
            return gtk.toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("mac")) {
            return query(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
        }
        if (os.contains("win")) {
            return query(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).contains("0x0");
        }
        String scheme = query(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        return scheme.contains("dark")
                || query(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")).contains("dark");
    }

    private static String query(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", String::concat);
            }
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
                return "";
            }
            return out.toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return ""; // no such tool: not dark
        }
    }

    /** Convenience for tests and start-up: resolve and install on the EDT. */
    public static void installLater(Theme theme) {
        Theme resolved = theme.resolve();
        SwingUtilities.invokeLater(() -> install(resolved));
    }
}
