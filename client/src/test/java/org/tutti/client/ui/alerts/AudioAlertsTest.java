package org.tutti.client.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.testing.Await;

/** When a sound is asked for, with the real player (Java Sound's default output, or dropped where there is none). */
class AudioAlertsTest {
    private final AtomicBoolean on = new AtomicBoolean(true);
    private final AlertPlayer player = new AlertPlayer();
    private final AudioAlerts alerts = new AudioAlerts(on::get, player);

    @AfterEach
    void close() {
        player.close();
    }

    @Test
    void aChatMessageSoundsWhenAlertsAreOn() {
        alerts.chatMessage();
        assertThat(player.requested()).isEqualTo(1);
        on.set(false);
        alerts.chatMessage();
        assertThat(player.requested()).isEqualTo(1);
    }

    @Test
    void aJoinSoundsWhenTheBoardGrowsButNotOnOurOwnArrival() {
        alerts.musicians(3); // the first list after connecting: we arrived
        assertThat(player.requested()).isZero();
        alerts.musicians(3); // a fader moved, a level came: same musicians
        alerts.musicians(2); // someone left
        assertThat(player.requested()).isZero();
        alerts.musicians(3);
        assertThat(player.requested()).isEqualTo(1);
        alerts.reset(); // reconnected elsewhere
        alerts.musicians(5);
        assertThat(player.requested()).isEqualTo(1);
        on.set(false);
        alerts.musicians(6);
        assertThat(player.requested()).isEqualTo(1);
    }

    @Test
    void everySoundIsPlayedOrDroppedAndCountedNeverAnError() {
        for (int i = 0; i < 5; i++) {
            alerts.chatMessage(); // returns at once; at most one waits behind the one playing
        }
        assertThat(player.requested()).isEqualTo(5);
        Await.until("every sound played or dropped", () -> player.played() + player.dropped() == 5);
    }
}
