package org.tutti.client.midi;

import java.util.Arrays;
import org.tutti.client.model.MixerChannel;
import org.tutti.client.model.MixerModel;

/**
 * Applies {@link MidiAction}s to the mixer, on the mixer's owning thread. With pick-up on, a fader or pan follows its
 * control only once the control has reached the strip's position (within {@value #CATCH_POSITIONS} steps, or by
 * passing it), so a controller that was left elsewhere does not make the strip jump; a strip moved by other means
 * (the mouse, a group, a stored setting) must be picked up again.
 */
public final class MidiMixer {
    static final int CATCH_POSITIONS = 2;

    private final boolean pickup;
    private final int[] faderSet = filled();
    private final int[] faderControl = filled();
    private final int[] panSet = filled();
    private final int[] panControl = filled();

    public MidiMixer(boolean pickup) {
        this.pickup = pickup;
    }

    private static int[] filled() {
        int[] a = new int[MidiSetup.MAX_CHANNELS];
        Arrays.fill(a, -1);
        return a;
    }

    /** Applies {@code action} (mute-myself excepted: not a strip); a channel ID with no strip is ignored. */
    public void apply(MidiAction action, MixerModel mixer) {
        MixerChannel strip = strip(mixer, action.channelId());
        if (strip == null) {
            return;
        }
        int id = action.channelId();
        switch (action.kind()) {
            case FADER -> {
                int target = action.faderPosition();
                if (follows(target, strip.fader(), faderSet, faderControl, id)) {
                    mixer.setFader(id, target);
                    faderSet[id] = mixer.channel(id).fader();
                }
            }
            case PAN -> {
                int target = action.panPosition();
                if (follows(target, strip.pan(), panSet, panControl, id)) {
                    mixer.setPan(id, target);
                    panSet[id] = mixer.channel(id).pan();
                }
            }
            case SOLO -> mixer.setSolo(id, action.on());
            case MUTE -> mixer.setMute(id, action.on());
            case MUTE_MYSELF -> { } // the session's, not the mixer's
        }
    }

    private boolean follows(int target, int current, int[] set, int[] control, int id) {
        int previous = control[id];
        control[id] = target;
        if (!pickup || set[id] == current) {
            return true; // no pick-up, or the strip is where this control last put it
        }
        boolean caught = Math.abs(target - current) <= CATCH_POSITIONS
                || previous >= 0 && (previous - current) * (target - current) <= 0;
        return caught;
    }

    private static MixerChannel strip(MixerModel mixer, int channelId) {
        if (channelId < 0 || channelId >= MidiSetup.MAX_CHANNELS) {
            return null;
        }
        for (MixerChannel ch : mixer.channels()) {
            if (ch.channelId() == channelId) {
                return ch;
            }
        }
        return null;
    }
}
