package org.tutti.client.ui;

import java.awt.Color;
import java.util.List;
import javax.swing.UIManager;
import org.tutti.server.ui.ServerPanel;

/**
 * The colours Tutti adds to the FlatLaf themes. Their values are in
 * {@code org/tutti/client/ui/theme/FlatLightLaf.properties} and {@code FlatDarkLaf.properties} (registered by
 * {@link Theme#install}); code reads them with {@link #get}, never with {@code new Color(...)}. Every key is listed in
 * {@link #ALL}, and a test checks that both themes define each one.
 */
public final class ThemeColours {
    /** Delay and jitter LEDs, lit and unlit. */
    public static final String LED_GREEN = "Tutti.led.green";
    public static final String LED_YELLOW = "Tutti.led.yellow";
    public static final String LED_RED = "Tutti.led.red";
    public static final String LED_OFF = "Tutti.led.off";
    /** Level meters: 5 green, 2 yellow, 1 red step, the clip light, and an unlit step. */
    public static final String METER_GREEN = "Tutti.meter.green";
    public static final String METER_YELLOW = "Tutti.meter.yellow";
    public static final String METER_RED = "Tutti.meter.red";
    public static final String METER_CLIP = "Tutti.meter.clip";
    public static final String METER_OFF = "Tutti.meter.off";
    /** The name tag of a mixer strip, tinted by skill as in Jamulus (no skill: the panel's background). */
    public static final String SKILL_BEGINNER = "Tutti.skill.beginner";
    public static final String SKILL_INTERMEDIATE = "Tutti.skill.intermediate";
    public static final String SKILL_EXPERT = "Tutti.skill.expert";
    /** Instrument badges: one colour per family, and the abbreviation or the picture drawn on it. */
    public static final String INSTRUMENT_DRUMS = "Tutti.instrument.drums";
    public static final String INSTRUMENT_STRINGS = "Tutti.instrument.strings";
    public static final String INSTRUMENT_KEYS = "Tutti.instrument.keys";
    public static final String INSTRUMENT_VOICE = "Tutti.instrument.voice";
    public static final String INSTRUMENT_WINDS = "Tutti.instrument.winds";
    public static final String INSTRUMENT_OTHER = "Tutti.instrument.other";
    public static final String INSTRUMENT_LETTERS = "Tutti.instrument.letters";
    /** The "does not hear you" speaker on a mixer strip. */
    public static final String NOT_HEARING_YOU = "Tutti.icon.notHearingYou";
    /** The application icon: the tile and its three bars. */
    public static final String APP_ICON_TILE = "Tutti.appIcon.tile";
    public static final String APP_ICON_BAR1 = "Tutti.appIcon.bar1";
    public static final String APP_ICON_BAR2 = "Tutti.appIcon.bar2";
    public static final String APP_ICON_BAR3 = "Tutti.appIcon.bar3";
    /** The RECORDING ACTIVE banner. */
    public static final String RECORDING_BACKGROUND = "Tutti.recording.background";
    public static final String RECORDING_FOREGROUND = "Tutti.recording.foreground";
    /** The "no working audio device" strip at the top of the main window. */
    public static final String AUDIO_WARNING_BACKGROUND = "Tutti.audioWarning.background";
    /** The "muted" note next to Mute Myself. */
    public static final String MUTED_FOREGROUND = "Tutti.muted.foreground";
    /** Why the chosen audio backend cannot be used, in the settings dialog. */
    public static final String BACKEND_PROBLEM_FOREGROUND = "Tutti.backendProblem.foreground";
    /** The server panel's "server stopped" text (read by {@link ServerPanel}, which cannot see this class). */
    public static final String SERVER_STOPPED_FOREGROUND = ServerPanel.STOPPED_FOREGROUND;

    /** Every key above: the light and the dark theme must define each one. */
    public static final List<String> ALL = List.of(LED_GREEN, LED_YELLOW, LED_RED, LED_OFF,
            METER_GREEN, METER_YELLOW, METER_RED, METER_CLIP, METER_OFF,
            SKILL_BEGINNER, SKILL_INTERMEDIATE, SKILL_EXPERT,
            INSTRUMENT_DRUMS, INSTRUMENT_STRINGS, INSTRUMENT_KEYS, INSTRUMENT_VOICE, INSTRUMENT_WINDS,
            INSTRUMENT_OTHER, INSTRUMENT_LETTERS, NOT_HEARING_YOU,
            APP_ICON_TILE, APP_ICON_BAR1, APP_ICON_BAR2, APP_ICON_BAR3,
            RECORDING_BACKGROUND, RECORDING_FOREGROUND, AUDIO_WARNING_BACKGROUND, MUTED_FOREGROUND,
            BACKEND_PROBLEM_FOREGROUND, SERVER_STOPPED_FOREGROUND);

    private ThemeColours() {
    }

    /**
     * The installed theme's colour for {@code key}, as a plain {@link Color} (not a {@code UIResource}, so a component
     * keeps it when the look and feel is updated). Without Tutti's theme (a test on the default look and feel) the key
     * is missing and the label foreground stands in.
     */
    public static Color get(String key) {
        Color c = UIManager.getColor(key);
        if (c == null) {
            c = UIManager.getColor("Label.foreground");
        }
        return c == null ? null : new Color(c.getRGB(), true);
    }
}
