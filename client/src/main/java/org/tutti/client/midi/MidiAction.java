package org.tutti.client.midi;

/**
 * One control change as the mixer understands it.
 *
 * @param channelId the strip's channel ID (unused for {@link Kind#MUTE_MYSELF})
 * @param value     the controller's value, 0–127
 */
public record MidiAction(Kind kind, int channelId, int value) {
    public enum Kind { FADER, PAN, SOLO, MUTE, MUTE_MYSELF }

    /** The fader position 0–100 for this value (Jamulus: value / 127 × 100). */
    public int faderPosition() {
        return (int) (value / 127.0 * 100);
    }

    /** The pan position 0–100, centre 50 (Jamulus: symmetric between 1 and 127, 0 counts as 1). */
    public int panPosition() {
        return (int) ((Math.max(value, 1) - 1) / 126.0 * 100);
    }

    /** A switch is on from 64 up (a toggle button sends 127 and 0). */
    public boolean on() {
        return value >= 0x40;
    }
}
