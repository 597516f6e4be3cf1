package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.codec.OpusQuality;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;

/**
 * The sound check on the deterministic fake sound card: with no server the card is open, the meters follow the
 * input, and "hear myself" plays the input back exactly as the input law mixes it for the server (boost, balance,
 * channel mode); silence without it. Connecting takes the running stream over (no second device), and leaving the
 * server opens the sound check again.
 */
class SoundCheckTest {
    private static final float AMPLITUDE = 0.25f;

    /** The fake backend, remembering every stream it opened (the test is the sound card and runs their cycles). */
    private static final class Card extends FakeBackendProvider {
        final List<FakeStream> opened = new CopyOnWriteArrayList<>();

        @Override
        public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
            FakeStream s = super.open(request, callback);
            opened.add(s);
            return s;
        }

        FakeStream last() {
            return opened.getLast();
        }
    }

    private static float sine(long frame, double hz) {
        return (float) (AMPLITUDE * Math.sin(2 * Math.PI * hz * frame / 48_000));
    }

    /** 440 Hz on the left input, 660 Hz at half level on the right. */
    private static void tone(FakeStream s) {
        s.setInput((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                in[0][i] = sine(index + i, 440);
                in[1][i] = 0.5f * sine(index + i, 660);
            }
        });
    }

    /** The engine's control thread has run every command posted before (it runs them in order). */
    private static void settled(ClientEngine engine) throws Exception {
        engine.channels().get(5, TimeUnit.SECONDS);
    }

    @Test
    void metersMoveAndHearMyselfPlaysTheMixedInputWithoutAServer() throws Exception {
        Card card = new Card();
        try (ClientEngine engine = new ClientEngine(ClientOptions.defaults(card, "Solo"), new ClientListener() { })) {
            engine.setInputBoost(2);
            engine.setSoundCheck(true);
            settled(engine);
            assertThat(card.opened).as("the sound check opens the card").hasSize(1);
            FakeStream s = card.last();
            assertThat(s.isRunning()).isTrue();
            tone(s);
            assertThat(engine.inputPeakLeft()).isZero();
            s.runCycles(20);
            // After the boost of 2: the left input peaks near 0.5, the right near 0.25.
            assertThat(engine.inputPeakLeft()).isBetween(0.45f, 0.51f);
            assertThat(engine.inputPeakRight()).isBetween(0.2f, 0.26f);
            assertThat(s.lastOutput(0)).as("hear myself off: silence").containsOnly(0f);
            assertThat(s.lastOutput(1)).containsOnly(0f);

            // Mono, balance centred: both ears get (L + R) / 2 of the boosted 16-bit inputs, as the encoder would.
            engine.setHearMyself(true);
            s.runCycles(1);
            assertPlayedBack(s, 2, 0, ChannelMode.MONO);

            // Stereo, balance fully left: the left input alone on the left, the right side silent.
            engine.setStreamFormat(OpusQuality.NORMAL, ChannelMode.STEREO, true);
            engine.setInputPan(-50);
            settled(engine);
            s.runCycles(1);
            assertPlayedBack(s, 2, -50, ChannelMode.STEREO);
            assertThat(s.lastOutput(1)).containsOnly(0f);
            assertThat(s.lastOutput(0)).isNotEqualTo(new float[s.lastOutput(0).length]);

            engine.setHearMyself(false);
            s.runCycles(1);
            assertThat(s.lastOutput(0)).containsOnly(0f);
            engine.setSoundCheck(false);
            settled(engine);
            assertThat(s.isRunning()).as("sound check off closes the card").isFalse();
        }
    }

    /** The last cycle's output against the input law applied to the same input samples. */
    private static void assertPlayedBack(FakeStream s, int boost, int balance, ChannelMode mode) {
        float[] left = s.lastOutput(0);
        float[] right = s.lastOutput(1);
        int frames = left.length;
        long first = s.cycles() * frames - frames;
        float pan = InputMix.panPosition(balance);
        for (int i = 0; i < frames; i++) {
            short l = InputMix.boost(InputMix.fromCard(sine(first + i, 440)), boost);
            short r = InputMix.boost(InputMix.fromCard(0.5f * sine(first + i, 660)), boost);
            float wantL;
            float wantR;
            if (mode == ChannelMode.STEREO) {
                wantL = InputMix.toCard(InputMix.side(l, InputMix.leftGain(pan, mode)));
                wantR = InputMix.toCard(InputMix.side(r, InputMix.rightGain(pan, mode)));
            } else {
                wantL = wantR = InputMix.toCard(InputMix.sum(l, r, InputMix.leftGain(pan, mode),
                        InputMix.rightGain(pan, mode)));
            }
            assertThat(left[i]).as("left frame %d", i).isEqualTo(wantL);
            assertThat(right[i]).as("right frame %d", i).isEqualTo(wantR);
        }
    }

    @Test
    void connectingTakesTheStreamOverAndLeavingResumesTheSoundCheck() throws Exception {
        Card card = new Card();
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), null);
             ClientEngine engine = new ClientEngine(ClientOptions.defaults(card, "Solo"), new ClientListener() { })) {
            engine.setSoundCheck(true);
            engine.setHearMyself(true);
            settled(engine);
            FakeStream checking = card.last();
            tone(checking);

            engine.connect("127.0.0.1:" + server.port()).get(5, TimeUnit.SECONDS);
            assertThat(card.opened).as("the running stream is taken over, not a second one opened").hasSize(1);
            runUntil(checking, () -> server.clients().size() == 1, "the server hears the client");
            assertThat(engine.status().connected()).isTrue();
            assertThat(engine.inputPeakLeft()).as("meters while connected").isPositive();

            engine.disconnect().get(5, TimeUnit.SECONDS);
            assertThat(checking.isRunning()).as("the connection's stream is closed").isFalse();
            assertThat(card.opened).as("leaving the server opens the sound check again").hasSize(2);
            FakeStream again = card.last();
            tone(again);
            again.runCycles(5);
            assertThat(engine.inputPeakLeft()).isPositive();
            assertThat(again.lastOutput(0)).as("hear myself still on").isNotEqualTo(new float[128]);
        }
    }

    private static void runUntil(FakeStream s, BooleanSupplier done, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            s.runCycles(1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // about real-time pace for 128 frames
        }
    }
}
