package org.tutti.client.ui.alerts;

import java.util.function.BooleanSupplier;

/**
 * Jamulus 3.9's "Audio alerts" (off by default): a sound when a chat message arrives or a musician joins. The window
 * reports events here on the EDT; the switch is read at each event, so the settings dialog applies at once. A join is
 * the board growing while connected; the first list after connecting is our own arrival, not a join.
 */
public final class AudioAlerts {
    private final BooleanSupplier enabled;
    private final AlertPlayer player;
    private int lastCount; // 0: no list since connecting (a list while connected has at least us)

    public AudioAlerts(BooleanSupplier enabled, AlertPlayer player) {
        this.enabled = enabled;
        this.player = player;
    }

    public AlertPlayer player() {
        return player;
    }

    public void chatMessage() {
        if (enabled.getAsBoolean()) {
            player.play(AlertTones.Kind.CHAT_MESSAGE);
        }
    }

    /** A new board from the session: {@code count} musicians, ourselves included. */
    public void musicians(int count) {
        if (lastCount > 0 && count > lastCount && enabled.getAsBoolean()) {
            player.play(AlertTones.Kind.MUSICIAN_JOINED);
        }
        lastCount = count;
    }

    /** Connected or disconnected: the next list is a fresh start. */
    public void reset() {
        lastCount = 0;
    }
}
