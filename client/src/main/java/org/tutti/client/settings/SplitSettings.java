package org.tutti.client.settings;

import java.util.ArrayList;
import java.util.List;
import org.tutti.backend.AudioRequest;
import org.tutti.client.engine.SplitChannel;

/**
 * Several inputs as separate channels, as stored in the settings file ({@code split} in docs/client-settings.md):
 * how many channels the device's inputs make (1 = no split) and, for channels 2..4, a name, an instrument and the
 * input(s). Channel 1 is the main connection with the profile and the usual left/right inputs. Plain fields for Gson.
 */
public final class SplitSettings {
    /** 1..4: the main channel plus up to three extra ones. */
    public int channels = 1;
    /** Channels 2..4; entries past {@link #channels} are kept (a later increase finds them again) but unused. */
    public List<Extra> extra = new ArrayList<>();

    /** One extra channel. Inputs are 1-based as the musician sees them ("input 3"). */
    public static final class Extra {
        public String name = "";
        /** Instrument index (protocol doc §2.6), 0 = none. */
        public int instrument;
        /** The sound card input, 1..8. */
        public int input = 3;
        /** The right input of a stereo pair, 1..8, or 0 for a mono channel. */
        public int secondInput;

        public Extra() {
        }

        public Extra(String name, int instrument, int input, int secondInput) {
            this.name = name;
            this.instrument = instrument;
            this.input = input;
            this.secondInput = secondInput;
        }
    }

    /**
     * The engine's split: the extra channels in use. A value out of range (a hand-edited file) is clamped, and an
     * entry without a name gets "name N"; a missing entry is left out.
     */
    public List<SplitChannel> engineChannels(String mainName) {
        int n = Math.max(0, Math.min(SplitChannel.MAX_EXTRA, channels - 1));
        List<SplitChannel> out = new ArrayList<>();
        for (int i = 0; i < n && extra != null && i < extra.size(); i++) {
            Extra e = extra.get(i);
            if (e == null) {
                continue;
            }
            String name = e.name == null || e.name.isBlank() ? defaultName(mainName, i + 2) : e.name;
            int first = clampInput(e.input) - 1;
            int second = e.secondInput <= 0 ? -1 : clampInput(e.secondInput) - 1;
            out.add(new SplitChannel(name, Math.max(0, e.instrument), first, second == first ? -1 : second));
        }
        return out;
    }

    /** The name an unnamed extra channel gets: the musician's name and the channel's number ("Ana 2"). */
    public static String defaultName(String mainName, int channelNumber) {
        String base = mainName == null || mainName.isBlank() ? "Tutti" : mainName.strip();
        return base + " " + channelNumber;
    }

    private static int clampInput(int input) {
        return Math.max(1, Math.min(AudioRequest.MAX_CHANNELS, input));
    }
}
