package org.tutti.protocol;

/**
 * The CRC that closes every protocol frame: CRC-16/GENIBUS (polynomial 0x1021, initial value 0xFFFF, no
 * reflection, result inverted). Check value for ASCII "123456789" is 0xD64E. Table driven, allocation free.
 */
public final class Crc16 {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code len} bytes of {@code buf} starting at {@code off}, as an unsigned 16-bit value. */
    public static int compute(byte[] buf, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ buf[i]) & 0xFF]) & 0xFFFF;
        }
        return crc ^ 0xFFFF;
    }
}
