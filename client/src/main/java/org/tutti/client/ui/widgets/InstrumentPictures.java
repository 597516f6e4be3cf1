package org.tutti.client.ui.widgets;

/**
 * The Lucide picture closest to each Jamulus instrument (wire code 0..49, the order of Jamulus's instrument table).
 * Lucide has no winds and no bowed strings; those instruments, and others without a fitting picture, keep their
 * two-letter badge (docs/icons.md lists which).
 */
public final class InstrumentPictures {
    /** Every picture used: the shade filter in client/pom.xml keeps exactly these in tutti.jar. */
    public static final String DRUM = "drum";
    public static final String GUITAR = "guitar";
    public static final String PIANO = "piano";
    public static final String KEYBOARD = "keyboard-music";
    public static final String SYNTH = "audio-waveform";
    public static final String VOICE = "mic-vocal";
    public static final String MICROPHONE = "mic";
    public static final String STREAMER = "radio";
    public static final String LISTENER = "headphones";
    public static final String TURNTABLE = "disc-3";

    private InstrumentPictures() {
    }

    /** The Lucide name for an instrument, or null when it keeps its letters (0 = none, unknown codes too). */
    public static String of(int code) {
        return switch (code) {
            case 1, 2, 28, 33, 34 -> DRUM; // drum set, djembe, bodhrán, congas, bongo
            case 3, 4, 5, 26, 39, 40, 41, 42, 45 -> GUITAR; // guitars, guitar+vocal, banjo, mandolin, ukuleles, dulcimer
            case 8 -> PIANO;
            case 6, 27 -> KEYBOARD; // keyboard, keyboard+vocal
            case 7 -> SYNTH;
            case 10, 35, 36, 37, 38, 43, 44, 47 -> VOICE; // vocal, the vocal parts, rapping
            case 11 -> MICROPHONE;
            case 24 -> STREAMER;
            case 25 -> LISTENER;
            case 46 -> TURNTABLE; // scratching
            default -> null;
        };
    }
}
