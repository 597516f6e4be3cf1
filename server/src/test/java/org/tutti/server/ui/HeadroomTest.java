package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeadroomTest {
    @Test
    void aTypicalMusicianIsMonoNormalAt128Samples() {
        assertThat(Headroom.TYPICAL_KBPS).isCloseTo(222.0, within(1e-9));
    }

    @Test
    void theUploadLessWhatIsSentNowLeavesRoomForWholeMusicians() {
        // 2 Mbit/s upload, 90 % usable = 1800 kbit/s; three musicians at 222 use 666; 1134 left = 5 more
        assertThat(Headroom.moreMusicians(2000, 666)).isEqualTo(5);
        assertThat(Headroom.moreMusicians(2000, 0)).isEqualTo(8);
        assertThat(Headroom.moreMusicians(1000, 1200)).isZero();
    }
}
