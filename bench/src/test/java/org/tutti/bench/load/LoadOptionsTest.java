package org.tutti.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;

class LoadOptionsTest {
    @Test
    void parsesEveryOption() {
        LoadOptions o = LoadOptions.parse(new String[] {"--server", "127.0.0.1:22124", "--clients", "20",
                "--seconds", "5", "--codec", "opus64", "--quality", "high", "--stereo", "--mixes", "distinct"});
        assertThat(o.server().getPort()).isEqualTo(22124);
        assertThat(o.clients()).isEqualTo(20);
        assertThat(o.codec()).isEqualTo(AudioCodec.OPUS64);
        assertThat(o.codedBytes()).isEqualTo(73); // stereo high OPUS64, doc §4.1
        assertThat(o.packetPeriodNanos()).isEqualTo(1_333_333);
        assertThat(o.distinctMixes()).isTrue();
    }

    @Test
    void defaultsAreMonoNormalOpusWithDefaultMixes() {
        LoadOptions o = LoadOptions.parse(new String[] {"--server", "localhost:1", "--clients", "1", "--seconds", "1"});
        assertThat(o.codedBytes()).isEqualTo(45);
        assertThat(o.distinctMixes()).isFalse();
    }

    @Test
    void refusesAnythingButLoopbackAndUnboundedRuns() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--server", "192.0.2.1:22124", "--clients", "1",
                "--seconds", "1"})).hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--server", "127.0.0.1:22124", "--clients", "251",
                "--seconds", "1"})).hasMessageContaining("--clients");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--server", "127.0.0.1:22124", "--clients", "1",
                "--seconds", "601"})).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--clients", "1", "--seconds", "1"}))
                .hasMessageContaining("required");
    }
}
