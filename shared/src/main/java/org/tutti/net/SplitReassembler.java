package org.tutti.net;

import org.tutti.protocol.ConnectedMessage.SplitPart;

/**
 * Joins the parts of a split message (ID 2001, protocol doc §2.5) like Jamulus: parts must come in order 0, 1, …;
 * an out-of-sequence part, or any non-split message, throws the partial message away.
 */
final class SplitReassembler {
    private final byte[] storage = new byte[ReliableChannel.MAX_SPLIT_PARTS * ReliableChannel.SPLIT_PART_BYTES];
    private int expectedIndex;
    private int length;

    /**
     * Adds a part. Returns true when it completed a message; then {@link #data()} and {@link #length()} hold the
     * joined body until the next call.
     */
    boolean add(SplitPart part) {
        int partLength = part.dataLength();
        if (part.partIndex() != expectedIndex || expectedIndex >= part.partCount()
                || expectedIndex >= ReliableChannel.MAX_SPLIT_PARTS || length + partLength > storage.length) {
            reset();
            return false;
        }
        System.arraycopy(part.data(), 0, storage, length, partLength);
        length += partLength;
        expectedIndex++;
        if (expectedIndex == part.partCount()) {
            expectedIndex = 0; // length stays valid for the caller until the next add or reset
            return true;
        }
        return false;
    }

    byte[] data() {
        return storage;
    }

    int length() {
        return length;
    }

    /** Forgets any partial message. */
    void reset() {
        expectedIndex = 0;
        length = 0;
    }

    /** Called after a completed message was consumed. */
    void consumed() {
        length = 0;
    }
}
