package org.tutti.protocol;

/** A peer's operating system ({@code COSUtil::EOpSystemType}, a u8 on the wire; protocol doc §2.6). */
public enum OperatingSystem {
    WINDOWS(0), MACOS(1), LINUX(2), ANDROID(3), IOS(4), UNIX(5), UNKNOWN(-1);

    private final int code;

    OperatingSystem(int code) {
        this.code = code;
    }

    /** The wire value; {@link #UNKNOWN} has none (-1) and cannot be sent. */
    public int code() {
        return code;
    }

    /** The OS for a wire value; values outside 0..5 give {@link #UNKNOWN} (the record keeps the raw code). */
    public static OperatingSystem fromCode(int code) {
        return code >= 0 && code <= 5 ? values()[code] : UNKNOWN;
    }
}
