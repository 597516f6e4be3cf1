package org.tutti.protocol;

/** A musician's skill level ({@code ESkillLevel}, a u8 on the wire; protocol doc §2.6). */
public enum SkillLevel {
    NOT_SET(0), BEGINNER(1), INTERMEDIATE(2), EXPERT(3);

    private final int code;

    SkillLevel(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The level for a wire value; values Jamulus does not define map to {@link #NOT_SET}. */
    public static SkillLevel fromCode(int code) {
        return code >= 0 && code < 4 ? values()[code] : NOT_SET;
    }
}
