package org.tutti.server.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TrackNamesTest {
    @Test
    void namesAreFoldedToAsciiAndPadded() {
        assertThat(TrackNames.namePart("")).isEqualTo("____");
        assertThat(TrackNames.namePart("Bob")).isEqualTo("Bob_");
        assertThat(TrackNames.namePart("Zoë Müller")).isEqualTo("Zoe_Muller");
        assertThat(TrackNames.namePart("a/b:c")).isEqualTo("a_b_c");
    }

    @Test
    void addressesHideTheLastOctetExceptOnLoopback() {
        assertThat(TrackNames.addressPart(new InetSocketAddress("127.0.0.1", 32998))).isEqualTo("127_0_0_1_32998");
        assertThat(TrackNames.addressPart(new InetSocketAddress("192.168.1.7", 5000))).isEqualTo("192_168_1_x_5000");
    }

    @Test
    void fileStemsFollowJamulus() {
        assertThat(TrackNames.fileStem("Alice", new InetSocketAddress("127.0.0.1", 32998), 1500, 1))
                .isEqualTo("Alice-127_0_0_1_32998-1500-1");
    }
}
