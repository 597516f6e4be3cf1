package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamBandwidthTest {
    @Test
    void opus64WithSmallBuffersSendsSevenHundredFiftyPacketsASecond() {
        // mono, normal quality, 64-sample frames: 22 coded bytes + 1 sequence byte per packet
        NetworkTransportProps props = NetworkTransportProps.of(AudioCodec.OPUS64, 1, 22, 1, true);
        assertThat(StreamBandwidth.packetsPerSecond(props)).isEqualTo(750.0);
        assertThat(StreamBandwidth.ipKbps(props)).isCloseTo((23 + 28) * 8 * 750 / 1000.0, within(1e-9)); // 306
    }

    @Test
    void jamulussOverheadGivesTheManualsTable() {
        // The manual's table (written before sequence bytes): mono "medium" (normal) at 2.67 ms is 594 kbit/s,
        // stereo normal at 5.33 ms (OPUS, 128 samples, one frame per packet) is 444 kbit/s.
        assertThat(StreamBandwidth.kbps(NetworkTransportProps.of(AudioCodec.OPUS64, 1, 22, 1, false),
                StreamBandwidth.JAMULUS_OVERHEAD_BYTES)).isCloseTo(594, within(1.0));
        assertThat(StreamBandwidth.kbps(NetworkTransportProps.of(AudioCodec.OPUS, 2, 71, 1, false),
                StreamBandwidth.JAMULUS_OVERHEAD_BYTES)).isCloseTo(444, within(1.0));
    }

    @Test
    void twoFramesPerPacketHalveThePacketRate() {
        NetworkTransportProps props = NetworkTransportProps.of(AudioCodec.OPUS, 1, 45, 2, true);
        assertThat(StreamBandwidth.packetsPerSecond(props)).isEqualTo(187.5);
        assertThat(StreamBandwidth.ipKbps(props)).isCloseTo((92 + 28) * 8 * 187.5 / 1000, within(1e-9));
    }
}
