package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.GainPan;
import org.tutti.testing.Await;

/**
 * The conductor's mix with real Opus over real UDP: a follower hears a third musician at the conductor's fader, not
 * its own, in its own (stereo, 64-sample) format; it follows the conductor's fader moves; /ownmix and /follow switch
 * back and forth; ending the conductor's mix, or the conductor leaving, restores everyone's own mix.
 */
class ConductorMixTest {
    private static final double AMPLITUDE = 8000;
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Waits until {@code c}'s left (or mono) level is within {@code lowFraction..highFraction} of the tone. */
    private static void awaitLevel(AudioTestClient c, String what, double lowFraction, double highFraction) {
        Await.until(what, WAIT, () -> {
            try {
                int level = c.measure(300)[0];
                return level >= AMPLITUDE * lowFraction && level <= AMPLITUDE * highFraction;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static String awaitChat(AudioTestClient c, String part) {
        return Await.value("chat with " + part, WAIT, () -> {
            ConnectedMessage.ChatText t = c.control().await(ConnectedMessage.ChatText.class, Duration.ofSeconds(1));
            return t == null ? "" : t.text();
        }, text -> text.contains(part));
    }

    @Test
    void aFollowerHearsTheConductorsFadersUntilItOptsOut() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             AudioTestClient player = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Player");
             AudioTestClient follower = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "Follower")) {
            AudioTestClient conductor = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Conductor");
            try {
                player.play(AMPLITUDE, false);
                awaitLevel(follower, "the player at full level in the follower's own mix", 0.7, 1.3);
                conductor.control().send(new ConnectedMessage.ChannelGain(player.channelId, GainPan.UNITY / 4));
                awaitLevel(conductor, "the player at a quarter in the conductor's mix", 0.15, 0.35);
                awaitLevel(follower, "the follower's own mix unchanged", 0.7, 1.3);

                assertThat(engine.setConductor(conductor.channelId)).isTrue();
                assertThat(engine.conductor()).isEqualTo(conductor.channelId);
                assertThat(awaitChat(follower, "you hear Conductor's mix")).startsWith(ConductorMix.PREFIX);
                awaitLevel(follower, "the player at the conductor's quarter", 0.15, 0.35);
                int[] both = follower.measureLoudest(300, 3);
                assertThat(both[1]).as("right ear too: the follower's own stereo format").isBetween(
                        (int) (AMPLITUDE * 0.15), (int) (AMPLITUDE * 0.35));

                conductor.control().send(new ConnectedMessage.ChannelGain(player.channelId, GainPan.UNITY / 2));
                awaitLevel(follower, "the conductor's fader move, at the follower", 0.35, 0.65);
                // The follower's packets came from the conductor's shared encode, not its own mix and encode.
                assertThat(engine.counters().snapshot().conductorEncodeListenerTicks()).isPositive();

                follower.control().send(new ConnectedMessage.ChatText("/ownmix"));
                awaitChat(follower, "you hear your own mix");
                awaitLevel(follower, "the follower's own mix after /ownmix", 0.7, 1.3);
                follower.control().send(new ConnectedMessage.ChatText("/follow"));
                awaitLevel(follower, "the conductor's mix after /follow", 0.35, 0.65);

                assertThat(engine.setConductor(-1)).isTrue();
                awaitChat(follower, "nobody conducts");
                awaitLevel(follower, "own mix when nobody conducts", 0.7, 1.3);

                assertThat(engine.setConductor(conductor.channelId)).isTrue();
                awaitLevel(follower, "the conductor's mix again", 0.35, 0.65);
            } finally {
                conductor.close();
            }
            awaitChat(follower, "Conductor left: you hear your own mix again");
            awaitLevel(follower, "own mix after the conductor left", 0.7, 1.3);
            assertThat(engine.conductor()).isEqualTo(-1);
            assertThat(engine.setConductor(3)).as("no client 3").isFalse();
        }
    }

    @Test
    void withChatCommandsAMusicianTakesAndEndsTheBaton() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             AudioTestClient clara = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Clara");
             AudioTestClient sam = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "Sam")) {
            clara.control().send(new ConnectedMessage.ChatText("/conduct"));
            awaitChat(clara, "/conduct"); // without --chatcommands it is chat
            assertThat(engine.conductor()).isEqualTo(-1);

            engine.allowChatCommands(true);
            clara.control().send(new ConnectedMessage.ChatText("/conduct"));
            awaitChat(sam, "you hear Clara's mix");
            assertThat(awaitChat(clara, "you conduct")).startsWith(ConductorMix.PREFIX);
            assertThat(engine.conductor()).isEqualTo(clara.channelId);

            sam.control().send(new ConnectedMessage.ChatText("/conduct off"));
            awaitChat(sam, "only the conductor can stop conducting");
            assertThat(engine.conductor()).isEqualTo(clara.channelId);
            clara.control().send(new ConnectedMessage.ChatText("/conduct off"));
            awaitChat(sam, "nobody conducts");
            assertThat(engine.conductor()).isEqualTo(-1);
        }
    }
}
