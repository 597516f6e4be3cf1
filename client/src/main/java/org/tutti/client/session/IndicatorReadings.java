package org.tutti.client.session;

/**
 * A snapshot of the engine counters shown in the main window.
 *
 * @param inputLeftDb      peak of the left input in dBFS (−100 when silent)
 * @param pingMs           last round trip to the server, −1 when unknown
 * @param overallDelayMs   estimated mouth-to-ear delay, −1 when unknown
 * @param jitterBufferOk   no jitter-buffer under/overrun since the last poll
 * @param streamKbps       upstream audio rate in kbit/s, 0 when not connected
 */
public record IndicatorReadings(boolean connected, double inputLeftDb, double inputRightDb, int pingMs,
                           int overallDelayMs, boolean jitterBufferOk, int streamKbps) {
    public static final IndicatorReadings IDLE = new IndicatorReadings(false, -100, -100, -1, -1, true, 0);
}
