package org.tutti.cli;

/** A command line that cannot be run; the message says why in words a user understands. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
