package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tutti.codec.OpusQuality;

class StreamConfigTest {
    @Test
    void codecFollowsTheBufferSizeLikeJamulus() {
        StreamConfig small = StreamConfig.choose(64, true, OpusQuality.NORMAL, ChannelMode.STEREO);
        assertThat(small.codec()).isEqualTo(StreamConfig.OPUS64);
        assertThat(small.blockFactor()).isEqualTo(1);
        assertThat(small.codedBytes()).isEqualTo(35);

        StreamConfig noSmall = StreamConfig.choose(64, false, OpusQuality.NORMAL, ChannelMode.STEREO);
        assertThat(noSmall.codec()).isEqualTo(StreamConfig.OPUS);
        assertThat(noSmall.blockFactor()).isEqualTo(1);

        assertThat(StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.STEREO).codec())
                .isEqualTo(StreamConfig.OPUS);
        StreamConfig big = StreamConfig.choose(256, true, OpusQuality.HIGH, ChannelMode.MONO);
        assertThat(big.codec()).isEqualTo(StreamConfig.OPUS);
        assertThat(big.blockFactor()).isEqualTo(2);
        assertThat(big.codedBytes()).isEqualTo(82);
    }

    @Test
    void packetSizesAndUploadRatesMatchTheProtocolTable() {
        // protocol doc §4.3: mono normal 64 → 23 B / 600; stereo normal 128 → 72 / 447; stereo high 256 → 332 / 613
        StreamConfig a = StreamConfig.choose(64, true, OpusQuality.NORMAL, ChannelMode.MONO);
        assertThat(a.packetBytes(true)).isEqualTo(23);
        assertThat(a.uploadKbps(true)).isEqualTo(600);
        StreamConfig b = StreamConfig.choose(128, true, OpusQuality.NORMAL, ChannelMode.MONO_IN_STEREO_OUT);
        assertThat(b.packetBytes(true)).isEqualTo(72);
        assertThat(b.uploadKbps(true)).isEqualTo(447);
        StreamConfig c = StreamConfig.choose(256, true, OpusQuality.HIGH, ChannelMode.STEREO);
        assertThat(c.packetBytes(true)).isEqualTo(332);
        assertThat(c.uploadKbps(true)).isEqualTo(613);
        assertThat(c.packetBytes(false)).isEqualTo(330);
        assertThat(c.uploadKbps(false)).isEqualTo(610);
    }
}
