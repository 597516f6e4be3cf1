package org.tutti.server.directory;

import org.tutti.protocol.RegistrationResult;

/**
 * A server's registration state with its directory. {@link #jsonName()} is the exact string of Jamulus's JSON-RPC
 * {@code registrationStatus} (protocol doc §9.3).
 */
public enum RegistrationStatus {
    NOT_REGISTERED("not_registered"),
    BAD_ADDRESS("bad_address"),
    REQUESTED("requested"),
    TIME_OUT("time_out"),
    UNKNOWN_RESP("unknown_resp"),
    REGISTERED("registered"),
    DIRECTORY_SERVER_FULL("directory_server_full"),
    SERVER_VERSION_TOO_OLD("server_version_too_old"),
    REQUIREMENTS_NOT_FULFILLED("requirements_not_fulfilled");

    private final String jsonName;

    RegistrationStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The JSON-RPC string, e.g. "registered". */
    public String jsonName() {
        return jsonName;
    }

    /** The status a directory's answer puts us in. */
    public static RegistrationStatus of(RegistrationResult result) {
        return switch (result) {
            case REGISTERED -> REGISTERED;
            case SERVER_LIST_FULL -> DIRECTORY_SERVER_FULL;
            case VERSION_TOO_OLD -> SERVER_VERSION_TOO_OLD;
            case REQUIREMENTS_NOT_FULFILLED -> REQUIREMENTS_NOT_FULFILLED;
        };
    }
}
