package org.tutti.protocol;

/**
 * The protocol frame around every message (protocol doc §2.1): {@code u16 tag=0 | u16 id | u8 counter |
 * u16 length n | n body bytes | u16 CRC}, all little-endian, CRC-16/GENIBUS over everything before it.
 * All methods are static and allocation free except {@link #build}.
 */
public final class Frame {
    /** Bytes before the body. */
    public static final int HEADER_BYTES = 7;
    /** Header plus CRC: a frame is {@code OVERHEAD_BYTES + bodyLength} long. */
    public static final int OVERHEAD_BYTES = 9;
    /** Largest body the u16 length field can describe. */
    public static final int MAX_BODY_BYTES = 0xFFFF;
    /** Jamulus's receive buffer; longer datagrams are truncated by a Jamulus peer and fail to parse. */
    public static final int MAX_DATAGRAM_BYTES = 20000;

    private Frame() {
    }

    /**
     * True when {@code len} bytes at {@code off} form a valid frame: at least 9 bytes, tag 0, length field =
     * datagram length − 9, CRC correct. Anything else is audio to a Jamulus peer (doc §1.1).
     */
    public static boolean isValid(byte[] buf, int off, int len) {
        if (len < OVERHEAD_BYTES || buf[off] != 0 || buf[off + 1] != 0) {
            return false;
        }
        if (bodyLength(buf, off) != len - OVERHEAD_BYTES) {
            return false;
        }
        int crcAt = off + len - 2;
        int crc = (buf[crcAt] & 0xFF) | (buf[crcAt + 1] & 0xFF) << 8;
        return Crc16.compute(buf, off, len - 2) == crc;
    }

    /** The message ID of a frame (not validated). */
    public static int id(byte[] buf, int off) {
        return (buf[off + 2] & 0xFF) | (buf[off + 3] & 0xFF) << 8;
    }

    /** The u8 counter of a frame (not validated). */
    public static int counter(byte[] buf, int off) {
        return buf[off + 4] & 0xFF;
    }

    /** The body length field of a frame (not validated). */
    public static int bodyLength(byte[] buf, int off) {
        return (buf[off + 5] & 0xFF) | (buf[off + 6] & 0xFF) << 8;
    }

    /** Offset of the body within {@code buf} for a frame at {@code off}. */
    public static int bodyOffset(int off) {
        return off + HEADER_BYTES;
    }

    /**
     * Writes a complete frame into {@code dst} at {@code dstOff}.
     *
     * @return the frame length, {@code bodyLen + 9}
     * @throws IllegalArgumentException when id, counter or length are out of range
     * @throws IndexOutOfBoundsException when {@code dst} is too small
     */
    public static int write(int id, int counter, byte[] body, int bodyOff, int bodyLen, byte[] dst, int dstOff) {
        Fields.u16(id, "id");
        Fields.u8(counter, "counter");
        if (bodyLen < 0 || bodyLen > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body length not 0..65535: " + bodyLen);
        }
        if (dst.length - dstOff < bodyLen + OVERHEAD_BYTES) {
            throw new IndexOutOfBoundsException("frame of " + (bodyLen + OVERHEAD_BYTES) + " bytes does not fit");
        }
        dst[dstOff] = 0;
        dst[dstOff + 1] = 0;
        dst[dstOff + 2] = (byte) id;
        dst[dstOff + 3] = (byte) (id >>> 8);
        dst[dstOff + 4] = (byte) counter;
        dst[dstOff + 5] = (byte) bodyLen;
        dst[dstOff + 6] = (byte) (bodyLen >>> 8);
        System.arraycopy(body, bodyOff, dst, dstOff + HEADER_BYTES, bodyLen);
        int crc = Crc16.compute(dst, dstOff, HEADER_BYTES + bodyLen);
        dst[dstOff + HEADER_BYTES + bodyLen] = (byte) crc;
        dst[dstOff + HEADER_BYTES + bodyLen + 1] = (byte) (crc >>> 8);
        return bodyLen + OVERHEAD_BYTES;
    }

    /** A new array holding the complete frame. */
    public static byte[] build(int id, int counter, byte[] body) {
        byte[] frame = new byte[body.length + OVERHEAD_BYTES];
        write(id, counter, body, 0, body.length, frame, 0);
        return frame;
    }
}
