package org.tutti.backend;

/** A device could not be opened or started; the message is meant for the user. */
public final class AudioBackendException extends Exception {
    public AudioBackendException(String message) {
        super(message);
    }

    public AudioBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
