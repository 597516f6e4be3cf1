package org.tutti.protocol;

/** Range checks for record components that map to unsigned wire fields. */
final class Fields {
    private Fields() {
    }

    static int u8(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " must fit in a u8: " + value);
        }
        return value;
    }

    static int u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " must fit in a u16: " + value);
        }
        return value;
    }
}
