package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.tutti.audio.LevelMeter;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.server.mix.Metronome;
import org.tutti.server.mix.SourceFrame;

/**
 * The metronome as one more source in every personal mix: while enabled it is listed after the musicians in the
 * client list every client receives, has a level in the level list, and each listener's gain and pan for its ID act
 * on that listener's mix like for a musician (the column {@link #id} of every {@link ChannelControl}). It has no
 * slot, no address and no input, so it takes nothing from {@code -u} and the jam recorder, which records the
 * connected slots, never sees it.
 *
 * <p>Owned by the engine thread: it changes the settings between ticks and renders one frame per tick (after the
 * decode phase); the mix phase only reads {@link #frame} and {@link #enabled}.
 */
final class MetronomeChannel {
    static final String NAME = org.tutti.protocol.ConductorText.METRONOME_NAME;
    /** Jamulus's instrument 1, "Drum Set": the nearest to a click in its list. */
    static final int INSTRUMENT = org.tutti.protocol.ConductorText.METRONOME_INSTRUMENT;
    /** The columns each mix keeps beyond the musician slots: the metronome's. */
    static final int EXTRA_COLUMNS = 1;

    /** Its channel ID (the one after the last slot), or -1 when that would reach 150 (see MetronomeSettings). */
    final int id;
    final SourceFrame frame = new SourceFrame(ChannelInput.MAX_FRAME_SAMPLES);
    final LevelMeter meter = LevelMeter.forServer();
    private final Metronome clicks = new Metronome(MetronomeSettings.DEFAULT_BPM,
            MetronomeSettings.DEFAULT_BEATS_PER_BAR);
    private final short[] pcm = new short[ChannelInput.MAX_FRAME_SAMPLES];
    private final ClientListEntry entry;
    private boolean enabled;

    MetronomeChannel(int maxClients) {
        this.id = maxClients <= MetronomeSettings.MAX_CLIENTS_WITH_METRONOME ? maxClients : -1;
        this.entry = new ClientListEntry(Math.max(id, 0), new ChannelInfo(0, INSTRUMENT, 0, NAME, ""));
    }

    boolean enabled() {
        return enabled;
    }

    MetronomeSettings settings() {
        return new MetronomeSettings(enabled, clicks.bpm(), clicks.beatsPerBar(), id);
    }

    /**
     * Applies new settings; true when the metronome appeared or disappeared (the client lists must be resent).
     * Switching on starts with one bar of count-in.
     *
     * @throws IllegalArgumentException for a tempo or metre out of range
     * @throws IllegalStateException    when switching on a server with no free ID for it
     */
    boolean apply(boolean on, int bpm, int beatsPerBar) {
        check(on, bpm, beatsPerBar);
        clicks.set(bpm, beatsPerBar);
        boolean changed = on != enabled;
        enabled = on;
        if (on) {
            clicks.start();
        } else {
            clicks.stop();
            meter.reset();
        }
        return changed;
    }

    /** Throws what {@link #apply} would for these settings; reads only final state, so any thread may ask. */
    void check(boolean on, int bpm, int beatsPerBar) {
        Metronome.check(bpm, beatsPerBar);
        if (on && id < 0) {
            throw new IllegalStateException("the metronome needs a free channel ID below "
                    + MetronomeSettings.CLIENT_CHANNEL_ID_LIMIT + ": run the server with -u "
                    + MetronomeSettings.MAX_CLIENTS_WITH_METRONOME + " or less");
        }
    }

    /** Renders this tick's clicks into {@link #frame} and meters them (engine thread, before the mix phase). */
    void render(int frameSamples) {
        clicks.render(pcm, frameSamples);
        frame.set(pcm, 1, frameSamples);
        meter.update(pcm, 0, frameSamples, false);
    }

    /** {@code musicians} with the metronome's entry appended while it is enabled: what clients are sent. */
    List<ClientListEntry> listed(List<ClientListEntry> musicians) {
        if (!enabled) {
            return musicians;
        }
        List<ClientListEntry> all = new ArrayList<>(musicians.size() + 1);
        all.addAll(musicians);
        all.add(entry);
        return all;
    }

    /** Its wire level for the level list (0..15). */
    int levelStep() {
        return meter.meterStepLeftOrMono();
    }
}
