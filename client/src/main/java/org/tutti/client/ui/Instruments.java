package org.tutti.client.ui;

import java.awt.Color;

/** Jamulus's instrument list (index = wire code 0..49), with translated names and a colour per family for badges. */
public final class Instruments {
    public static final int COUNT = 50;

    private Instruments() {
    }

    /** Translated name; unknown codes give "Instrument n". */
    public static String name(int code) {
        return code >= 0 && code < COUNT ? I18n.tr("instrument." + code) : I18n.tr("instrument.unknown", code);
    }

    /** Up to two letters for the drawn badge, taken from the English-independent abbreviation table. */
    public static String abbreviation(int code) {
        return code >= 0 && code < COUNT ? ABBREVIATIONS[code] : "?";
    }

    /** Family colour: drums, strings, keys, voice, winds, other. */
    public static Color colour(int code) {
        return switch (family(code)) {
            case 1 -> ThemeColours.get(ThemeColours.INSTRUMENT_DRUMS);
            case 2 -> ThemeColours.get(ThemeColours.INSTRUMENT_STRINGS);
            case 3 -> ThemeColours.get(ThemeColours.INSTRUMENT_KEYS);
            case 4 -> ThemeColours.get(ThemeColours.INSTRUMENT_VOICE);
            case 5 -> ThemeColours.get(ThemeColours.INSTRUMENT_WINDS);
            default -> ThemeColours.get(ThemeColours.INSTRUMENT_OTHER);
        };
    }

    private static int family(int code) {
        return switch (code) {
            case 1, 2, 28, 33, 34, 48 -> 1;
            case 3, 4, 5, 20, 21, 22, 31, 32, 39, 40, 41, 42, 45 -> 2;
            case 6, 7, 8, 9 -> 3;
            case 10, 11, 26, 27, 35, 36, 37, 38, 43, 44, 47 -> 4;
            case 12, 13, 14, 15, 16, 17, 18, 19, 23, 29, 30 -> 5;
            default -> 0;
        };
    }

    private static final String[] ABBREVIATIONS = {
        "", "Dr", "Dj", "EG", "AG", "Bs", "Kb", "Sy", "Pn", "Ac",
        "Vo", "Mi", "Hm", "Tp", "Tb", "Hn", "Tu", "Sx", "Cl", "Fl",
        "Vn", "Vc", "Db", "Rc", "St", "Li", "GV", "KV", "Bo", "Bn",
        "Ob", "Hp", "Va", "Cg", "Bg", "VB", "VT", "VA", "VS", "Bj",
        "Md", "Uk", "BU", "Bt", "VL", "Dc", "Sc", "Rp", "Vb", "Co",
    };
}
