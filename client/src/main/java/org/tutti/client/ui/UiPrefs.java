package org.tutti.client.ui;

import java.util.prefs.Preferences;
import org.tutti.client.ui.mixer.MixerSort;

/**
 * Window-only preferences (theme, language, mixer layout). Kept apart from the engine's settings file because they
 * matter to nobody but the UI; stored with {@link Preferences} under the user's node.
 */
public final class UiPrefs {
    public Theme theme = Theme.SYSTEM;
    /** BCP 47 tag ("en", "fr") or "" for the system language. */
    public String language = "";
    public MixerSort sort = MixerSort.CHANNEL;
    public boolean ownFaderFirst = true;
    public int mixerRows = 1;

    private final Preferences node;

    private UiPrefs(Preferences node) {
        this.node = node;
    }

    /** The user's stored preferences; {@code nodePath} is relative to the user root (tests use their own). */
    public static UiPrefs load(String nodePath) {
        Preferences n = Preferences.userRoot().node(nodePath);
        UiPrefs p = new UiPrefs(n);
        p.theme = Theme.parse(n.get("theme", Theme.SYSTEM.name()));
        p.language = n.get("language", "");
        try {
            p.sort = MixerSort.valueOf(n.get("sort", MixerSort.CHANNEL.name()));
        } catch (IllegalArgumentException e) {
            p.sort = MixerSort.CHANNEL;
        }
        p.ownFaderFirst = n.getBoolean("ownFaderFirst", true);
        p.mixerRows = Math.max(1, Math.min(8, n.getInt("mixerRows", 1)));
        return p;
    }

    public static UiPrefs load() {
        return load("org/tutti/client/ui"); // the preferences node keeps its name: users' stored choices live there
    }

    /** Writes the preferences; failures (read-only home) are reported, not thrown: they are not worth a crash. */
    public void save() {
        try {
            node.put("theme", theme.name());
            node.put("language", language);
            node.put("sort", sort.name());
            node.putBoolean("ownFaderFirst", ownFaderFirst);
            node.putInt("mixerRows", mixerRows);
            node.flush();
        } catch (Exception e) {
            System.err.println("tutti: cannot save window preferences: " + e.getMessage());
        }
    }
}
