package org.tutti.protocol;

/** A directory's answer to a registration (CLM_REGISTER_SERVER_RESP, ID 1016, a u8; protocol doc §3.2). */
public enum RegistrationResult {
    REGISTERED, SERVER_LIST_FULL, VERSION_TOO_OLD, REQUIREMENTS_NOT_FULFILLED;

    /** The wire value. */
    public int code() {
        return ordinal();
    }

    /** The result for a wire value, or null when Jamulus would reject it. */
    public static RegistrationResult fromCode(int code) {
        return code >= 0 && code <= 3 ? values()[code] : null;
    }
}
