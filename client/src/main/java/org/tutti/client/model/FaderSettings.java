package org.tutti.client.model;

/**
 * A fader strip as remembered per musician name between sessions.
 *
 * @param fader 0..100
 * @param pan   0..100, 50 = centre
 * @param group 0 = none, 1..8
 */
public record FaderSettings(int fader, int pan, boolean mute, boolean solo, int group) {
    public static final FaderSettings DEFAULT = new FaderSettings(FaderLaw.MAX, FaderLaw.PAN_CENTRE, false, false, 0);
}
