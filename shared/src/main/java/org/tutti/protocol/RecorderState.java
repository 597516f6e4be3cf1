package org.tutti.protocol;

/** Jam recorder state of RECORDER_STATE (ID 33, a u8; protocol doc §3.1). 0 is internal only and rejected. */
public enum RecorderState {
    NOT_INITIALISED(1), NOT_ENABLED(2), RECORDING(3);

    private final int code;

    RecorderState(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The state for a wire value, or null when Jamulus would reject it. */
    public static RecorderState fromCode(int code) {
        return code >= 1 && code <= 3 ? values()[code - 1] : null;
    }
}
