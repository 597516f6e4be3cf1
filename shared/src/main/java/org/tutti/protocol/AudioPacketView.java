package org.tutti.protocol;

/**
 * A reusable, allocation-free view over one audio datagram in a caller-owned buffer (flyweight). Wrap a received
 * packet to find each frame's coded bytes and sequence byte, or wrap an outgoing buffer and write into it.
 *
 * <pre>{@code
 * if (view.wrap(buf, 0, len, layout)) {
 *     for (int k = 0; k < view.frameCount(); k++) {
 *         decoder.decode(view.buffer(), view.codedOffset(k), view.codedLength(), ...);
 *         int seq = view.hasSequence() ? view.sequence(k) : -1;
 *     }
 * }
 * }</pre>
 */
public final class AudioPacketView {
    private byte[] buffer;
    private int offset;
    private int stride;
    private int codedBytes;
    private int frames;
    private boolean withSequence;

    /**
     * Points the view at {@code length} bytes of {@code buffer} from {@code offset}.
     *
     * @return false (and the view unusable) when the length is not exactly {@code layout.packetBytes()}
     */
    public boolean wrap(byte[] buffer, int offset, int length, AudioPacketLayout layout) {
        if (length != layout.packetBytes() || offset < 0 || offset + length > buffer.length) {
            this.buffer = null;
            return false;
        }
        this.buffer = buffer;
        this.offset = offset;
        this.stride = layout.frameStride();
        this.codedBytes = layout.codedBytes();
        this.frames = layout.framesPerPacket();
        this.withSequence = layout.withSequence();
        return true;
    }

    /** The wrapped buffer. */
    public byte[] buffer() {
        return buffer;
    }

    /** Codec frames in the packet. */
    public int frameCount() {
        return frames;
    }

    /** Coded bytes of every frame. */
    public int codedLength() {
        return codedBytes;
    }

    /** Absolute offset in {@link #buffer()} of frame {@code k}'s coded bytes. */
    public int codedOffset(int k) {
        return offset + checkFrame(k) * stride;
    }

    /** Whether each frame carries a sequence byte. */
    public boolean hasSequence() {
        return withSequence;
    }

    /** Sequence byte (0..255) of frame {@code k}. */
    public int sequence(int k) {
        return buffer[sequenceOffset(k)] & 0xFF;
    }

    /** Writes the sequence byte of frame {@code k} (the low 8 bits of {@code sequence}). */
    public void sequence(int k, int sequence) {
        buffer[sequenceOffset(k)] = (byte) sequence;
    }

    private int sequenceOffset(int k) {
        if (!withSequence) {
            throw new IllegalStateException("this layout has no sequence bytes");
        }
        return codedOffset(k) + codedBytes;
    }

    private int checkFrame(int k) {
        if (k < 0 || k >= frames) {
            throw new IndexOutOfBoundsException("frame " + k + " of " + frames);
        }
        return k;
    }

    /** Signed distance from sequence {@code earlier} to {@code later}, modulo 256 (−128..127). */
    public static int sequenceDistance(int later, int earlier) {
        return (byte) (later - earlier);
    }
}
