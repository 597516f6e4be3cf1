package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.GainPan;

/**
 * Personal mixes with real Opus audio over real UDP (protocol doc §6.2–6.3): own signal included after the 3 s
 * fade-in, gains and pans per listener, mono and stereo listeners, OPUS and OPUS64 clients on either server frame.
 */
class MixingTest {
    private static final double AMPLITUDE = 8000;
    private static final long FADE_IN_MS = 3400;

    @ParameterizedTest(name = "fastUpdate={0}, multithreading={1}")
    @CsvSource({"false,false", "true,false", "false,true"})
    void personalMixesAcrossCodecsAndFrameSizes(boolean fastUpdate, boolean multithreading) throws Exception {
        ServerConfig config = new ServerConfig(null, 0, 4, fastUpdate, multithreading, false, "", false, "", "", 0,
                128, false, null, null, false);
        try (ServerEngine engine = ServerEngine.start(config, null);
             AudioTestClient mono128 = new AudioTestClient(engine.port(), AudioCodec.OPUS, 1, 45, "mono128");
             AudioTestClient stereo64 = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "stereo64")) {
            mono128.play(AMPLITUDE, false);
            Thread.sleep(FADE_IN_MS);

            // The OPUS client hears itself at full level; the OPUS64 stereo listener hears it on both sides.
            int[] own = mono128.measureLoudest(300, 3);
            assertThat(own[0]).as("own signal returned").isBetween((int) (AMPLITUDE * 0.7), (int) (AMPLITUDE * 1.3));
            int[] other = stereo64.measureLoudest(300, 3);
            assertThat(other[0]).as("left at the stereo listener").isBetween((int) (AMPLITUDE * 0.7), (int) (AMPLITUDE * 1.3));
            assertThat(other[1]).as("right at the stereo listener").isBetween((int) (AMPLITUDE * 0.7), (int) (AMPLITUDE * 1.3));
            if (!fastUpdate) {
                // Both listeners have default mixes and formats no larger than the server frame: one encode each.
                assertThat(engine.counters().snapshot().sharedEncodeListenerTicks()).as("shared encodes").isPositive();
            }

            // Listener-side settings: the stereo listener pans the source hard left, the source halves itself.
            stereo64.control().send(new ConnectedMessage.ChannelPan(mono128.channelId, 0));
            mono128.control().send(new ConnectedMessage.ChannelGain(mono128.channelId, GainPan.UNITY / 2));
            Thread.sleep(200);
            int[] panned = stereo64.measureLoudest(300, 3);
            assertThat(panned[0]).as("left after hard-left pan").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(panned[1]).as("right after hard-left pan").isLessThan((int) (AMPLITUDE * 0.05));
            int[] halved = mono128.measureLoudest(300, 3);
            assertThat(halved[0]).as("own signal at gain 0.5").isBetween((int) (AMPLITUDE * 0.35), (int) (AMPLITUDE * 0.65));

            // Muting the source in the stereo listener's mix silences it there only.
            stereo64.control().send(new ConnectedMessage.ChannelGain(mono128.channelId, 0));
            Thread.sleep(200);
            int[] muted = stereo64.measure(300);
            assertThat(muted[0]).as("left after gain 0").isLessThan((int) (AMPLITUDE * 0.05));
            assertThat(engine.counters().snapshot().ticks()).isPositive();
        }
    }
}
