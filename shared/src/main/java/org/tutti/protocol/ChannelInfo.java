package org.tutti.protocol;

/**
 * A musician's profile: the body of CHANNEL_INFOS (ID 25, protocol doc §3.5) and the per-channel part of the
 * client list (§3.4).
 *
 * @param country    Qt 5 {@code QLocale::Country} code (u16; 0 = any country, 82 = Germany). Never send > 261.
 * @param instrument instrument index (u32 on the wire, kept as its 32 bits; 0 = none, 10 = vocal …)
 * @param skill      skill wire code (u8), see {@link SkillLevel#fromCode}
 * @param name       fader name, at most {@link StringLimits#NAME} UTF-16 units
 * @param city       city, at most {@link StringLimits#CITY} UTF-16 units
 */
public record ChannelInfo(int country, int instrument, int skill, String name, String city) {
    /** What an unidentified channel looks like in a client list. */
    public static final ChannelInfo EMPTY = new ChannelInfo(0, 0, 0, "", "");

    public ChannelInfo {
        Fields.u16(country, "country");
        Fields.u8(skill, "skill");
        StringLimits.require(name, StringLimits.NAME, "name");
        StringLimits.require(city, StringLimits.CITY, "city");
    }

    /** A profile with the skill given as an enum and over-long name/city cut to the limits. */
    public static ChannelInfo truncating(int country, int instrument, SkillLevel skill, String name, String city) {
        return new ChannelInfo(country, instrument, skill.code(), StringLimits.truncate(name, StringLimits.NAME),
                StringLimits.truncate(city, StringLimits.CITY));
    }

    /** The skill as an enum (unknown codes give {@link SkillLevel#NOT_SET}). */
    public SkillLevel skillLevel() {
        return SkillLevel.fromCode(skill);
    }
}
