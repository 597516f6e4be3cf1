package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.GainPan;
import org.tutti.testing.Await;

/**
 * The metronome through a real engine, real UDP and real Opus: both listeners are sent the channel "Metronome" after
 * the musicians and hear clicks exactly 60/bpm × 48000 samples apart; one listener's gain 0 for the metronome's ID
 * silences it in that mix only, and gain 1 brings it back.
 */
class MetronomeEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyListenerHearsAndListsTheMetronomeAndMixesItWithItsOwnFader() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             AudioTestClient a = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "a");
             AudioTestClient b = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "b")) {
            ClickEar earA = new ClickEar();
            ClickEar earB = new ClickEar();
            a.tap(earA);
            b.tap(earB);
            MetronomeSettings on = engine.setMetronome(true, 150, 3); // a beat every 19,200 samples
            assertThat(on).isEqualTo(new MetronomeSettings(true, 150, 3, 4));
            assertThat(engine.metronome()).isEqualTo(on);

            assertThat(awaitList(a, 3)).extracting(e -> e.info().name()).containsExactly("a", "b", "Metronome");
            List<ClientListEntry> listB = awaitList(b, 3);
            assertThat(listB.get(2).channelId()).isEqualTo(4);
            assertThat(listB.get(2).info().instrument()).isEqualTo(MetronomeChannel.INSTRUMENT);

            // Exact spacing at both listeners (a mono 128 and a stereo 64-sample stream).
            Await.until("clicks at a and b", WAIT, () -> earA.count() >= 8 && earB.count() >= 8);
            assertThat(earA.medianInterval()).as("a's click interval").isBetween(19_199L, 19_201L);
            assertThat(earB.medianInterval()).as("b's click interval").isBetween(19_199L, 19_201L);

            // The level list has three entries: two musicians and the metronome, which is clicking.
            ConnectionlessMessage.ChannelLevelList levels = Await.value("a level list with the metronome's level",
                    WAIT, () -> a.control().await(ConnectionlessMessage.ChannelLevelList.class, Duration.ofSeconds(1)),
                    l -> l != null && l.levels().length == 3 && l.levels()[2] > 0);
            assertThat(levels.levels()).hasSize(3);

            // a pulls the metronome's fader to 0: a hears nothing more, b still clicks.
            a.control().send(new ConnectedMessage.ChannelGain(4, 0));
            Await.until("a's mix without clicks", WAIT, () -> quietWhileOtherClicks(earA, earB));
            a.control().send(new ConnectedMessage.ChannelGain(4, GainPan.UNITY));
            earA.clear();
            Await.until("a hears clicks again", WAIT, () -> earA.count() >= 3);

            // Switched off, it leaves the list.
            assertThat(engine.setMetronome(false, 150, 3).enabled()).isFalse();
            assertThat(awaitList(a, 2)).extracting(e -> e.info().name()).containsExactly("a", "b");
        }
    }

    /** Over about two seconds (5 beats at 150 bpm) {@code silent} hears no click while {@code other} hears some. */
    private static boolean quietWhileOtherClicks(ClickEar silent, ClickEar other) {
        silent.clear();
        other.clear();
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return silent.count() == 0 && other.count() >= 3;
    }

    private static List<ClientListEntry> awaitList(AudioTestClient c, int entries) {
        return Await.value("a client list of " + entries, WAIT,
                () -> {
                    ConnectedMessage.ConnClientsList l = c.control().await(ConnectedMessage.ConnClientsList.class,
                            Duration.ofSeconds(1));
                    return l == null ? null : l.clients();
                },
                l -> l != null && l.size() == entries && l.stream().allMatch(e -> !e.info().name().isEmpty()));
    }

    @Test
    void aServerForOneHundredFiftyMusiciansHasNoIdForIt() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 150), null)) {
            assertThat(engine.metronome().channelId()).isEqualTo(-1);
            assertThatThrownBy(() -> engine.setMetronome(true, 120, 4)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("-u 149");
            assertThatThrownBy(() -> engine.setMetronome(false, 301, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThat(engine.setMetronome(false, 90, 7)).isEqualTo(new MetronomeSettings(false, 90, 7, -1));
        }
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 149), null)) {
            assertThat(engine.setMetronome(true, 120, 4).channelId()).isEqualTo(149);
        }
    }
}
