package org.tutti.protocol;

/**
 * A protocol frame or message body that does not follow the Jamulus wire format. The message says why; the
 * receiver drops the message (connected messages are still ACKed, as Jamulus does).
 */
public final class MalformedMessageException extends Exception {
    private final int messageId;

    /**
     * @param messageId the ID of the offending message, or -1 when the frame itself is broken
     * @param reason    human-readable reason, e.g. "name longer than 16 characters"
     */
    public MalformedMessageException(int messageId, String reason) {
        super(messageId < 0 ? reason : "message " + messageId + ": " + reason, null, false, false);
        this.messageId = messageId;
    }

    /** The ID of the offending message, or -1 when the frame itself (tag, length, CRC) is broken. */
    public int messageId() {
        return messageId;
    }
}
