package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;

/**
 * Out-of-range values in connected messages (issue #10): a u16 pan or gain beyond unity, a channel ID beyond the
 * server's slots. The server must clamp or ignore them and keep mixing for everyone.
 */
class HostileValuesTest {
    private static final double AMPLITUDE = 8000;

    /**
     * Regression (found by reading the mixer while writing the fault tests): with delay panning (-P) a pan of 65535
     * meant a 189-sample delay, beyond the 64-sample history, and the mix tick threw an index exception.
     */
    @Test
    void panAndGainBeyondUnityAreClampedAndOutOfRangeChannelsIgnored() throws Exception {
        ServerConfig config = new ServerConfig(null, 0, 4, false, false, true, "", false, "", "", 0, 128, false,
                null, null, false);
        try (ServerEngine engine = ServerEngine.start(config, null);
             AudioTestClient source = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 1, 22, "source");
             AudioTestClient listener = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "listener")) {
            source.play(AMPLITUDE, false);
            listener.control().send(new ConnectedMessage.ChannelGain(listener.channelId, 0)); // hear only the source
            listener.control().send(new ConnectedMessage.ChannelPan(source.channelId, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelGain(source.channelId, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelGain(255, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelPan(255, 0xFFFF));
            Thread.sleep(3400);
            int[] levels = listener.measure(400);
            assertThat(engine.counters().snapshot().ticks()).as("engine still ticking").isPositive();
            assertThat(engine.clients()).as("both channels alive").hasSize(2);
            // Hard right by delay: both sides at full level (a gain of 2 would be at most double, never silence).
            assertThat(levels[0]).as("left level").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(levels[1]).as("right level").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(levels[0]).as("left level not amplified beyond Jamulus's maximum gain of 2")
                    .isLessThan((int) (AMPLITUDE * 2.2));
        }
    }
}
