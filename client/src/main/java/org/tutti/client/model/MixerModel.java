package org.tutti.client.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's mixer board: one strip per connected channel, with fader, pan, mute, solo and groups 1–8. Mute and
 * solo are purely client-side (protocol doc §6.4): the model turns them into the effective gains the server applies
 * to this client's personal mix, and {@link #publish} reports only what changed since the last call. Settings are
 * remembered per musician name so a returning musician gets their old strip back. Not thread-safe: one owner.
 */
public final class MixerModel {
    public static final int GROUPS = 8;

    private final Map<Integer, MixerChannel> channels = new LinkedHashMap<>();
    private final Map<String, FaderSettings> stored = new HashMap<>();
    private final Map<Integer, Double> sentGain = new HashMap<>();
    private final Map<Integer, Double> sentPan = new HashMap<>();
    private int ownChannelId = -1;
    /** This client's extra channels (several inputs as separate channels): its own too, like {@link #ownChannelId}. */
    private int[] ownExtraIds = new int[0];
    private boolean muteMyOwn;
    private int newClientLevel = FaderLaw.MAX;

    /** Replaces the channel list (server order, ascending ID). Strips of channels that stay keep their state. */
    public void updateChannels(List<ChannelProfile> list) {
        Map<Integer, MixerChannel> next = new LinkedHashMap<>();
        // As Jamulus: with no own ID yet, the first strip on an empty board is taken to be ours and keeps 100.
        boolean boardWasEmpty = channels.isEmpty();
        for (ChannelProfile p : list) {
            MixerChannel ch = channels.remove(p.channelId());
            if (ch == null) {
                ch = new MixerChannel(p.channelId());
                boolean other = ownChannelId >= 0 ? !isOwn(p.channelId()) : !boardWasEmpty;
                if (other) {
                    ch.fader = newClientLevel;
                }
                restore(ch, p.name());
            } else if (isBlank(ch.name()) && !isBlank(p.name())) {
                restore(ch, p.name()); // the musician identified after the first list
            }
            ch.setProfile(p.name(), p.instrument(), p.country(), p.city(), p.skill());
            ch.ownExtra = isOwnExtra(p.channelId());
            next.put(p.channelId(), ch);
        }
        for (MixerChannel gone : channels.values()) {
            remember(gone);
            // Jamulus resets its cached gains for channels that left: a new musician on that ID starts at 1.0.
            sentGain.remove(gone.channelId());
            sentPan.remove(gone.channelId());
        }
        channels.clear();
        channels.putAll(next);
    }

    /** Forgets all channels (disconnect); their settings stay remembered by name. */
    public void clear() {
        updateChannels(List.of());
        ownChannelId = -1;
        ownExtraIds = new int[0];
    }

    /** A musician's remembered strip, if any; without one the strip keeps what it has (a new one's defaults). */
    private void restore(MixerChannel ch, String name) {
        FaderSettings s = isBlank(name) ? null : stored.get(name);
        if (s != null) {
            ch.apply(s);
        }
    }

    private void remember(MixerChannel ch) {
        if (!isBlank(ch.name())) {
            stored.put(ch.name(), ch.settings());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public List<MixerChannel> channels() {
        return Collections.unmodifiableList(new ArrayList<>(channels.values()));
    }

    public MixerChannel channel(int channelId) {
        MixerChannel ch = channels.get(channelId);
        if (ch == null) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        return ch;
    }

    /** Moves a fader; the other members of its group move by the same amount (clamped to 0..100). */
    public void setFader(int channelId, int fader) {
        MixerChannel ch = channel(channelId);
        int target = FaderLaw.clamp(fader);
        int delta = target - ch.fader;
        ch.fader = target;
        if (ch.group != 0 && delta != 0) {
            for (MixerChannel other : channels.values()) {
                if (other != ch && other.group == ch.group) {
                    other.fader = FaderLaw.clamp(other.fader + delta);
                    remember(other);
                }
            }
        }
        remember(ch);
    }

    public void setPan(int channelId, int pan) {
        MixerChannel ch = channel(channelId);
        ch.pan = Math.max(0, Math.min(FaderLaw.MAX, pan));
        remember(ch);
    }

    public void setMute(int channelId, boolean mute) {
        MixerChannel ch = channel(channelId);
        ch.mute = mute;
        remember(ch);
    }

    public void setSolo(int channelId, boolean solo) {
        MixerChannel ch = channel(channelId);
        ch.solo = solo;
        remember(ch);
    }

    /**
     * A private session in one step (the server manual's solo advice): solos exactly {@code channelIds} and this
     * client's own channel, and un-solos everyone else, so only they are heard in this client's mix. An empty set
     * ends it (no solo at all). Solo is client-side: the others still hear this client unless they solo too.
     * Channels not connected are ignored.
     */
    public void soloGroup(Collection<Integer> channelIds) {
        boolean ending = channelIds.isEmpty();
        for (MixerChannel ch : channels.values()) {
            ch.solo = !ending && (channelIds.contains(ch.channelId()) || isOwn(ch.channelId()));
            remember(ch);
        }
    }

    /** The channels heard in this client's mix because they are soloed, own channel excluded; empty when no solo. */
    public List<Integer> soloedOthers() {
        List<Integer> ids = new ArrayList<>();
        for (MixerChannel ch : channels.values()) {
            if (ch.solo && !isOwn(ch.channelId())) {
                ids.add(ch.channelId());
            }
        }
        return ids;
    }

    /** Puts a strip in group 1..8, or takes it out with 0. */
    public void setGroup(int channelId, int group) {
        if (group < 0 || group > GROUPS) {
            throw new IllegalArgumentException("group must be 0..8: " + group);
        }
        MixerChannel ch = channel(channelId);
        ch.group = group;
        remember(ch);
    }

    /** This client's own channel ID (from CLIENT_ID); with {@code muteMyOwn} its gain is 0 in the personal mix. */
    public void setOwnChannel(int channelId, boolean muteMyOwn) {
        this.ownChannelId = channelId;
        this.muteMyOwn = muteMyOwn;
    }

    public int ownChannelId() {
        return ownChannelId;
    }

    /**
     * The channel IDs of this client's extra channels (-1 entries: not known yet); returns whether that changed. They
     * count as this client's own: "(you)" on their strips, Mute My Own silences them, Edit's fader actions skip them.
     */
    public boolean setOwnExtraChannels(int[] channelIds) {
        if (java.util.Arrays.equals(channelIds, ownExtraIds)) {
            return false;
        }
        ownExtraIds = channelIds.clone();
        for (MixerChannel ch : channels.values()) {
            ch.ownExtra = isOwnExtra(ch.channelId());
        }
        return true;
    }

    /** Whether {@code channelId} is this client's channel or one of its extra channels. */
    public boolean isOwn(int channelId) {
        return channelId == ownChannelId || isOwnExtra(channelId);
    }

    private boolean isOwnExtra(int channelId) {
        for (int id : ownExtraIds) {
            if (id == channelId && id >= 0) {
                return true;
            }
        }
        return false;
    }

    /** MUTE_STATE_CHANGED: the musician on {@code channelId} muted (or unmuted) this client in their mix. */
    public void setMutedByOther(int channelId, boolean muted) {
        MixerChannel ch = channels.get(channelId);
        if (ch != null) {
            ch.mutedByOther = muted;
        }
    }

    /**
     * Level meters in client-list order (protocol doc §6.5); extra or missing entries are ignored. Each strip also
     * keeps Jamulus's running average (weight 0.2 for the new value) that {@link #autoAdjustAllFaders} works from.
     */
    public void setLevels(int[] levels, int count) {
        int i = 0;
        for (MixerChannel ch : channels.values()) {
            ch.level = i < count ? levels[i] : 0;
            ch.averageLevel = (1 - AutoFaderLevels.AVERAGE_WEIGHT) * ch.averageLevel
                    + AutoFaderLevels.AVERAGE_WEIGHT * ch.level;
            i++;
        }
    }

    /** The fader 0..100 a musician gets on joining when nothing is remembered for their name (Jamulus: 100). */
    public void setNewClientLevel(int level) {
        newClientLevel = FaderLaw.clamp(level);
    }

    public int newClientLevel() {
        return newClientLevel;
    }

    /** Edit → "Set all faders to new client level": every strip but our own, groups not followed. */
    public void setAllFadersToNewClientLevel() {
        for (MixerChannel ch : channels.values()) {
            if (!isOwn(ch.channelId())) {
                ch.fader = newClientLevel;
                remember(ch);
            }
        }
    }

    /** Edit → "Clear all stored solo and mute settings": for the strips shown and for every remembered name. */
    public void clearAllSoloAndMute() {
        for (MixerChannel ch : channels.values()) {
            ch.solo = false;
            ch.mute = false;
            remember(ch);
        }
        stored.replaceAll((name, s) -> new FaderSettings(s.fader(), s.pan(), false, false, s.group()));
    }

    /** Edit → "Auto-adjust all faders": Jamulus's rule from the averaged level meters (see {@link AutoFaderLevels}). */
    public void autoAdjustAllFaders() {
        List<MixerChannel> others = new ArrayList<>();
        for (MixerChannel ch : channels.values()) {
            if (!isOwn(ch.channelId())) {
                others.add(ch);
            }
        }
        AutoFaderLevels.adjust(others);
        others.forEach(this::remember);
    }

    /**
     * A loaded mixer setup (File → "Load Mixer Channels Setup…"): the names become remembered, and strips shown now
     * whose musician is in it take its values at once, as Jamulus's LoadAllFaderSettings does.
     */
    public void loadSetup(Map<String, FaderSettings> setup) {
        stored.putAll(setup);
        for (MixerChannel ch : channels.values()) {
            FaderSettings s = isBlank(ch.name()) ? null : setup.get(ch.name());
            if (s != null) {
                ch.apply(s);
            }
        }
    }

    /** The gain the server should apply to {@code channelId}: fader law, then mute, solo and mute-my-own rules. */
    public double effectiveGain(int channelId) {
        MixerChannel ch = channel(channelId);
        if (ch.mute) {
            return 0.0;
        }
        if (!ch.solo && anySolo()) {
            return 0.0;
        }
        if (muteMyOwn && isOwn(channelId)) {
            return 0.0;
        }
        return FaderLaw.gain(ch.fader);
    }

    private boolean anySolo() {
        for (MixerChannel ch : channels.values()) {
            if (ch.solo) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports every gain and pan that differs from what was last reported (a channel never reported counts as the
     * server's default, gain 1.0 and pan 0.5).
     */
    public void publish(GainSink sink) {
        for (MixerChannel ch : channels.values()) {
            double g = effectiveGain(ch.channelId());
            if (g != sentGain.getOrDefault(ch.channelId(), 1.0)) {
                sentGain.put(ch.channelId(), g);
                sink.gain(ch.channelId(), g);
            }
            double p = FaderLaw.pan(ch.pan);
            if (p != sentPan.getOrDefault(ch.channelId(), 0.5)) {
                sentPan.put(ch.channelId(), p);
                sink.pan(ch.channelId(), p);
            }
        }
    }

    /** Per-name strip settings, for persistence (includes channels present now). */
    public Map<String, FaderSettings> storedSettings() {
        channels.values().forEach(this::remember);
        return Map.copyOf(stored);
    }

    public void loadStoredSettings(Map<String, FaderSettings> settings) {
        stored.putAll(settings);
    }
}
