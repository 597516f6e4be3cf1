package org.tutti.client.model;

/**
 * One fader strip's state. Mutable, owned by {@link MixerModel} (one owning thread).
 */
public final class MixerChannel {
    private final int channelId;
    private String name;
    private int instrument;
    private int country;
    private String city;
    private int skill;
    int fader = FaderLaw.MAX;
    int pan = FaderLaw.PAN_CENTRE;
    boolean mute;
    boolean solo;
    int group;
    boolean mutedByOther;
    /** One of this client's extra channels (several inputs as separate channels). */
    boolean ownExtra;
    int level;
    /** Running average of {@link #level} for auto-adjust; 0 for a strip that just appeared, as in Jamulus. */
    double averageLevel;

    MixerChannel(int channelId) {
        this.channelId = channelId;
    }

    void setProfile(String name, int instrument, int country, String city, int skill) {
        this.name = name;
        this.instrument = instrument;
        this.country = country;
        this.city = city;
        this.skill = skill;
    }

    public int channelId() {
        return channelId;
    }

    public String name() {
        return name;
    }

    public int instrument() {
        return instrument;
    }

    public int country() {
        return country;
    }

    public String city() {
        return city;
    }

    public int skill() {
        return skill;
    }

    /** Fader 0..100. */
    public int fader() {
        return fader;
    }

    /** Pan 0..100, 50 = centre. */
    public int pan() {
        return pan;
    }

    public boolean mute() {
        return mute;
    }

    public boolean solo() {
        return solo;
    }

    /** Fader group 1..8, or 0 for none. */
    public int group() {
        return group;
    }

    /** The musician on this channel has set this client's fader to 0 in their own mix. */
    /** One of this client's extra channels: shown as the musician's own. */
    public boolean ownExtra() {
        return ownExtra;
    }

    public boolean mutedByOther() {
        return mutedByOther;
    }

    /** Last level meter value 0..9 from the server. */
    public int level() {
        return level;
    }

    /** The stored form of this strip, keyed by name for the next session. */
    public FaderSettings settings() {
        return new FaderSettings(fader, pan, mute, solo, group);
    }

    void apply(FaderSettings s) {
        fader = FaderLaw.clamp(s.fader());
        pan = Math.max(0, Math.min(FaderLaw.MAX, s.pan()));
        mute = s.mute();
        solo = s.solo();
        group = s.group() >= 0 && s.group() <= MixerModel.GROUPS ? s.group() : 0;
    }
}
