package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Framing, CRC and classification against the test datagrams of protocol doc §2.2 (checked on real 3.9.1). */
class FrameTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void crcCheckValueIsGenibus() {
        byte[] ascii = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.compute(ascii, 0, ascii.length)).isEqualTo(0xD64E);
    }

    @ParameterizedTest
    @CsvSource({
            "00 00 20 00 00 01 00 00 f9 cc, CONNECTED",
            "00 00 01 00 00 02 00 20 00 62 b4, CONNECTED",
            "00 00 f4 03 00 00 00 bd 23, CONNECTIONLESS",
            "00 00 f3 03 00 08 00 02 05 00 33 2e 39 2e 31 67 3c, CONNECTIONLESS",
            "00 00 e9 03 00 04 00 40 e2 01 00 93 f3, CONNECTIONLESS",
            "00 00 f2 03 00 00 00 38 ee, CONNECTIONLESS",
            "00 00 0a 00 02 02 00 15 00 ae 41, CONNECTED"})
    void docDatagramsDecodeAndReencodeIdentically(String hex, DatagramKind kind) throws Exception {
        byte[] datagram = HEX.parseHex(hex);
        assertThat(DatagramKind.classify(datagram, 0, datagram.length)).isEqualTo(kind);
        Message m = MessageCodec.decodeFrame(datagram, 0, datagram.length);
        assertThat(MessageCodec.encodeFrame(m, Frame.counter(datagram, 0))).isEqualTo(datagram);
    }

    @Test
    void docDatagramsDecodeToTheDocumentedValues() throws Exception {
        assertThat(decode("00 00 20 00 00 01 00 00 f9 cc")).isEqualTo(new ConnectedMessage.ClientId(0));
        assertThat(decode("00 00 01 00 00 02 00 20 00 62 b4")).isEqualTo(new ConnectedMessage.Ack(32));
        assertThat(decode("00 00 f3 03 00 08 00 02 05 00 33 2e 39 2e 31 67 3c"))
                .isEqualTo(new ConnectionlessMessage.VersionAndOs(OperatingSystem.LINUX.code(), "3.9.1"));
        assertThat(decode("00 00 e9 03 00 04 00 40 e2 01 00 93 f3")).isEqualTo(new ConnectionlessMessage.PingMs(123456));
        assertThat(decode("00 00 0a 00 02 02 00 15 00 ae 41"))
                .isEqualTo(new ConnectedMessage.JitterBufferSize(ConnectedMessage.JitterBufferSize.AUTO));
    }

    @Test
    void corruptFramesAreAudio() {
        byte[] d = HEX.parseHex("00 00 20 00 00 01 00 00 f9 cc");
        d[7] = 1; // body changed, CRC now wrong
        assertThat(DatagramKind.classify(d, 0, d.length)).isEqualTo(DatagramKind.AUDIO);
        assertThat(DatagramKind.classify(d, 0, 5)).isEqualTo(DatagramKind.AUDIO);
        byte[] tagged = HEX.parseHex("01 00 f4 03 00 00 00 bd 23");
        assertThat(DatagramKind.classify(tagged, 0, tagged.length)).isEqualTo(DatagramKind.AUDIO);
        assertThatThrownBy(() -> MessageCodec.decodeFrame(d, 0, d.length))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void classifiesAFrameInsideALargerBuffer() {
        byte[] frame = HEX.parseHex("00 00 f2 03 00 00 00 38 ee");
        byte[] buf = new byte[64];
        System.arraycopy(frame, 0, buf, 10, frame.length);
        assertThat(DatagramKind.classify(buf, 10, frame.length)).isEqualTo(DatagramKind.CONNECTIONLESS);
        assertThat(DatagramKind.classify(buf, 10, frame.length + 1)).isEqualTo(DatagramKind.AUDIO);
    }

    private static Message decode(String hex) throws MalformedMessageException {
        byte[] d = HEX.parseHex(hex);
        return MessageCodec.decodeFrame(d, 0, d.length);
    }
}
