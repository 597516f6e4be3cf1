package org.tutti.server.recorder;

/** The recorder states as RECORDER_STATE (ID 33) carries them to clients. */
public enum RecorderState {
    /** No recording directory was given ({@code -R}). */
    NOT_INITIALISED(1),
    /** A directory is set but recording is off ({@code --norecord}, toggled off, or an error). */
    NOT_ENABLED(2),
    /** Recording is on: a session is written while anyone is connected. */
    RECORDING(3);

    private final int wireValue;

    RecorderState(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }
}
