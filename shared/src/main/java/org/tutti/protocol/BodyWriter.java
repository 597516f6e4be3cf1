package org.tutti.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable little-endian body builder used by {@link MessageCodec#encodeBody}. */
final class BodyWriter {
    private byte[] buf = new byte[32];
    private int len;

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    BodyWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    BodyWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    BodyWriter u32(int v) {
        ensure(4);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 24);
        return this;
    }

    BodyWriter str16(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).bytes(utf8);
    }

    BodyWriter str8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFF) {
            throw new IllegalArgumentException("string too long for a u8 length: " + utf8.length + " bytes");
        }
        return u8(utf8.length).bytes(utf8);
    }

    BodyWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }
}
