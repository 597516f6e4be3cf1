package org.tutti.server.engine;

/**
 * The server metronome as JSON-RPC and the server panel see it ({@code jamulusserver/getMetronome}).
 *
 * @param enabled     clicking, and listed to every client as the channel "Metronome"
 * @param bpm         beats per minute, 30..300
 * @param beatsPerBar 2..12; the first beat of a bar is accented
 * @param channelId   the channel ID clients see it under (the one after the last musician slot), or -1 when this
 *                    server has no free ID for it below 150 ({@code -u 150})
 */
public record MetronomeSettings(boolean enabled, int bpm, int beatsPerBar, int channelId) {
    public static final int DEFAULT_BPM = 120;
    public static final int DEFAULT_BEATS_PER_BAR = 4;
    /** Jamulus 3.9.1 clients index channel IDs without a range check into arrays of this size. */
    public static final int CLIENT_CHANNEL_ID_LIMIT = 150;
    /** The largest {@code -u} that leaves the metronome an ID below {@link #CLIENT_CHANNEL_ID_LIMIT}. */
    public static final int MAX_CLIENTS_WITH_METRONOME = CLIENT_CHANNEL_ID_LIMIT - 1;
}
