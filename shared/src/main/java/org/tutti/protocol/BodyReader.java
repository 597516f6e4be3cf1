package org.tutti.protocol;

import java.nio.charset.StandardCharsets;

/** Little-endian cursor over a message body; every short read becomes a {@link MalformedMessageException}. */
final class BodyReader {
    private final int id;
    private final byte[] buf;
    private final int end;
    private int pos;

    BodyReader(int id, byte[] buf, int off, int len) {
        this.id = id;
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    int remaining() {
        return end - pos;
    }

    MalformedMessageException malformed(String reason) {
        return new MalformedMessageException(id, reason);
    }

    private void need(int bytes, String what) throws MalformedMessageException {
        if (end - pos < bytes) {
            throw malformed("body too short for " + what);
        }
    }

    int u8(String what) throws MalformedMessageException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) throws MalformedMessageException {
        need(2, what);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int u32(String what) throws MalformedMessageException {
        need(4, what);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | buf[pos + 3] << 24;
        pos += 4;
        return v;
    }

    /** A str16 (u16 byte count + UTF-8); rejected when longer than {@code limit} UTF-16 units after decoding. */
    String str16(int limit, String what) throws MalformedMessageException {
        return string(u16(what + " length"), limit, what);
    }

    /** A str8 (u8 byte count + UTF-8), used only by the reduced server list. */
    String str8(int limit, String what) throws MalformedMessageException {
        return string(u8(what + " length"), limit, what);
    }

    private String string(int byteCount, int limit, String what) throws MalformedMessageException {
        need(byteCount, what);
        // Like QString::fromUtf8, malformed sequences become U+FFFD rather than failing.
        String s = new String(buf, pos, byteCount, StandardCharsets.UTF_8);
        pos += byteCount;
        if (s.length() > limit) {
            throw malformed(what + " longer than " + limit + " characters (" + s.length() + ")");
        }
        return s;
    }

    byte[] rest() {
        byte[] b = new byte[end - pos];
        System.arraycopy(buf, pos, b, 0, b.length);
        pos = end;
        return b;
    }

    void requireEnd() throws MalformedMessageException {
        if (pos != end) {
            throw malformed((end - pos) + " unexpected trailing bytes");
        }
    }

    void requireLength(int expected) throws MalformedMessageException {
        if (end - pos != expected) {
            throw malformed("body length " + (end - pos) + ", expected " + expected);
        }
    }
}
