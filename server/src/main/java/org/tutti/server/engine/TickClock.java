package org.tutti.server.engine;

/**
 * The time of the tick (or idle wake-up) the engine thread is processing, for code that a reliable channel calls
 * back without passing a time. Written and read on the engine thread only.
 */
final class TickClock {
    private long nowNs;

    long nowNs() {
        return nowNs;
    }

    void set(long nowNs) {
        this.nowNs = nowNs;
    }
}
