package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.GainPan;

/**
 * Delay panning (-P, protocol doc §6.3): both sides keep full level and the far side is delayed by up to 63
 * samples. With a 440 Hz tone a 63-sample delay turns the left/right correlation from +1 to cos(2π·440·63/48000).
 */
class DelayPanTest {
    private static final double AMPLITUDE = 8000;

    @Test
    void panningDelaysTheFarSideInsteadOfAttenuatingIt() throws Exception {
        ServerConfig config = new ServerConfig(null, 0, 4, false, false, true, "", false, "", "", 0, 128, false,
                null, null, false);
        try (ServerEngine engine = ServerEngine.start(config, null);
             AudioTestClient source = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 1, 22, "source");
             AudioTestClient listener = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "listener")) {
            source.play(AMPLITUDE, false);
            listener.control().send(new ConnectedMessage.ChannelGain(listener.channelId, 0)); // hear only the source
            Thread.sleep(3400);
            listener.measure(300);
            assertThat(listener.leftRightCorrelation()).as("centre: both sides identical").isCloseTo(1.0, within(0.1));

            listener.control().send(new ConnectedMessage.ChannelPan(source.channelId, GainPan.UNITY));
            Thread.sleep(200);
            int[] levels = listener.measureLoudest(300, 3);
            assertThat(levels[0]).as("left level, hard right by delay").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(levels[1]).as("right level, hard right by delay").isGreaterThan((int) (AMPLITUDE * 0.7));
            listener.measure(400);
            double expected = Math.cos(2 * Math.PI * 440 * 63 / 48000.0);
            assertThat(listener.leftRightCorrelation()).as("63-sample delay of the left side").isCloseTo(expected, within(0.15));
        }
    }
}
