package org.tutti.server.engine;

/**
 * Reads a running server's per-channel state that no public API reports (the level it measures from a client's
 * stream, the gains a client set for its own mix), on the engine thread. For tests of clients.
 */
public final class ServerPeek {
    private ServerPeek() {
    }

    /** The wire level (0..15) the server measures on {@code channelId}'s stream now, or -1 without that channel. */
    public static int wireLevel(ServerEngine engine, int channelId) {
        return engine.call(() -> {
            ClientChannel c = engine.slot(channelId);
            return c == null ? -1 : c.input.meter.meterStepLeftOrMono();
        });
    }

    /** The gain {@code listenerId} set for {@code channelId} in its own mix (1 = unity). */
    public static float gain(ServerEngine engine, int listenerId, int channelId) {
        return engine.call(() -> {
            ClientChannel c = engine.slot(listenerId);
            return c == null ? Float.NaN : c.control.gains[channelId];
        });
    }
}
