package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.codec.OpusQuality;

class AudioPacketTest {

    /** Rows of the packet-size table in protocol doc §4.3 (bytes / kbit/s). */
    @ParameterizedTest
    @CsvSource({
            "LOW, 1, OPUS64, 1, true, 13, 540", "LOW, 1, OPUS64, 1, false, 12, 534",
            "LOW, 1, OPUS, 1, true, 26, 309", "LOW, 1, OPUS, 1, false, 25, 306",
            "LOW, 1, OPUS, 2, true, 52, 193", "LOW, 1, OPUS, 2, false, 50, 190",
            "NORMAL, 1, OPUS64, 1, true, 23, 600", "NORMAL, 1, OPUS, 1, false, 45, 366",
            "NORMAL, 1, OPUS, 2, true, 92, 253", "NORMAL, 2, OPUS, 2, true, 144, 331",
            "HIGH, 2, OPUS64, 1, true, 74, 906", "HIGH, 2, OPUS64, 1, false, 73, 900",
            "HIGH, 2, OPUS, 1, true, 166, 729", "HIGH, 2, OPUS, 1, false, 165, 726",
            "HIGH, 2, OPUS, 2, true, 332, 613", "HIGH, 2, OPUS, 2, false, 330, 610"})
    void packetSizesAndRatesMatchJamulus(OpusQuality quality, int channels, AudioCodec codec, int factor,
                                         boolean seq, int packetBytes, int kbps) {
        AudioPacketLayout layout = AudioPacketLayout.opus(codec, quality, channels, factor, seq);
        assertThat(layout.packetBytes()).isEqualTo(packetBytes);
        assertThat(layout.uploadRateKbps()).isEqualTo(kbps);
        assertThat(layout.isRaw()).isFalse();
        assertThat(AudioPacketLayout.of(layout.toTransportProps())).isEqualTo(layout);
    }

    @Test
    void transportPropsCarryTheSequenceByteInTheFrameSize() {
        // observed 3.9.1 client: 45 bytes without counter, then 46 with flags = 1
        NetworkTransportProps props = AudioPacketLayout.opus(AudioCodec.OPUS, OpusQuality.NORMAL, 1, 1, true)
                .toTransportProps();
        assertThat(props).isEqualTo(new NetworkTransportProps(46, 1, 1, 48000, 2, 1, 0));
        assertThat(props.codedBytes()).isEqualTo(45);
        assertThat(props.packetBytes()).isEqualTo(46);
    }

    @Test
    void rawPcmIsRecognisedBySize() {
        assertThat(AudioPacketLayout.rawCodedBytes(AudioCodec.OPUS64, 1)).isEqualTo(128);
        assertThat(AudioPacketLayout.rawCodedBytes(AudioCodec.OPUS, 1)).isEqualTo(256);
        assertThat(AudioPacketLayout.rawCodedBytes(AudioCodec.OPUS64, 2)).isEqualTo(256);
        assertThat(AudioPacketLayout.rawCodedBytes(AudioCodec.OPUS, 2)).isEqualTo(512);
        AudioPacketLayout raw = AudioPacketLayout.raw(AudioCodec.OPUS, 2, 1, true);
        assertThat(raw.isRaw()).isTrue();
        assertThat(raw.packetBytes()).isEqualTo(513);
        assertThat(AudioPacketLayout.of(new NetworkTransportProps(513, 1, 2, 48000, 2, 1, 0)).isRaw()).isTrue();
    }

    @Test
    void framesPerPacketFollowsTheSoundCardBuffer() {
        assertThat(AudioPacketLayout.framesPerPacket(AudioCodec.OPUS64, 64)).isEqualTo(1);
        assertThat(AudioPacketLayout.framesPerPacket(AudioCodec.OPUS, 128)).isEqualTo(1);
        assertThat(AudioPacketLayout.framesPerPacket(AudioCodec.OPUS, 256)).isEqualTo(2);
        assertThatThrownBy(() -> AudioPacketLayout.framesPerPacket(AudioCodec.OPUS, 64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void viewFindsFramesAndSequenceBytesInAFactorTwoPacket() {
        // observed: 144-byte packets = 2 × (71 + 1), sequence pairs (n, n+1)
        AudioPacketLayout layout = AudioPacketLayout.opus(AudioCodec.OPUS, OpusQuality.NORMAL, 2, 2, true);
        byte[] buf = new byte[200];
        AudioPacketView view = new AudioPacketView();
        assertThat(view.wrap(buf, 10, 143, layout)).isFalse();
        assertThat(view.wrap(buf, 10, 144, layout)).isTrue();
        view.sequence(0, 255);
        view.sequence(1, 256);
        assertThat(view.codedOffset(0)).isEqualTo(10);
        assertThat(view.codedOffset(1)).isEqualTo(82);
        assertThat(view.codedLength()).isEqualTo(71);
        assertThat(buf[81] & 0xFF).isEqualTo(255);
        assertThat(buf[153]).isZero();
        assertThat(view.sequence(1)).isZero();
        assertThat(AudioPacketView.sequenceDistance(view.sequence(1), view.sequence(0))).isEqualTo(1);
        assertThat(AudioPacketView.sequenceDistance(250, 5)).isEqualTo(-11);
        assertThatThrownBy(() -> view.codedOffset(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void versionsParseLikeQVersionNumber() {
        assertThat(JamulusVersion.parse("3.9.1+dfsg").toString()).isEqualTo("3.9.1");
        assertThat(JamulusVersion.parse("3.12.4dev-abc:1700").toString()).isEqualTo("3.12.4");
        assertThat(JamulusVersion.parse("3.9.1-tutti.0.1").toString()).isEqualTo("3.9.1");
        assertThat(JamulusVersion.parse("garbage").toString()).isEmpty();
        assertThat(JamulusVersion.supportsSequenceNumbers("3.6.0")).isTrue();
        assertThat(JamulusVersion.supportsSequenceNumbers("3.9.1")).isTrue();
        assertThat(JamulusVersion.supportsSequenceNumbers("4")).isTrue();
        assertThat(JamulusVersion.supportsSequenceNumbers("3.6")).isFalse();
        assertThat(JamulusVersion.supportsSequenceNumbers("3.5.12")).isFalse();
        assertThat(JamulusVersion.supportsSequenceNumbers("")).isFalse();
    }
}
