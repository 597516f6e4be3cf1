package org.tutti.protocol;

/** Licence a server asks the musician to accept (LICENCE_REQUIRED, ID 27, a u8; protocol doc §3.1). */
public enum LicenceType {
    NONE, CREATIVE_COMMONS;

    /** The wire value. */
    public int code() {
        return ordinal();
    }

    /** The licence for a wire value, or null when Jamulus would reject it. */
    public static LicenceType fromCode(int code) {
        return code == 0 || code == 1 ? values()[code] : null;
    }
}
