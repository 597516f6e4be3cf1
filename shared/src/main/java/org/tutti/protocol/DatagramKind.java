package org.tutti.protocol;

/**
 * What a received UDP datagram is, decided exactly as Jamulus does (protocol doc §1.1): a valid frame with an ID in
 * 1000–1999 is a CLM, any other valid frame a connected message (including 2001), everything else audio —
 * including garbage and corrupt frames.
 */
public enum DatagramKind {
    CONNECTED, CONNECTIONLESS, AUDIO;

    /** Classifies {@code len} bytes at {@code off}. Allocation free; costs one CRC pass only for frames. */
    public static DatagramKind classify(byte[] buf, int off, int len) {
        if (!Frame.isValid(buf, off, len)) {
            return AUDIO;
        }
        return MessageId.isConnectionless(Frame.id(buf, off)) ? CONNECTIONLESS : CONNECTED;
    }
}
