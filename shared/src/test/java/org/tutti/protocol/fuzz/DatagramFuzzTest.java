package org.tutti.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * Fuzzes datagram classification and the message codec. Two views of every input: the raw bytes as a received
 * datagram, and (so the fuzzer gets past the CRC) the input read as {@code id (u16 LE) + body} wrapped in a valid
 * frame. Properties: nothing but {@link MalformedMessageException} escapes, and whatever decodes re-encodes to a
 * frame that decodes to the same message. Seeds: {@code DatagramFuzzTestInputs/}, made from the captured
 * real-Jamulus fixtures by {@code scripts/fuzz-seeds.py}.
 */
class DatagramFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void classifyAndDecode(byte[] input) {
        check(input);
        if (input.length >= 2 && input.length - 2 <= Frame.MAX_BODY_BYTES) {
            int id = (input[0] & 0xFF) | (input[1] & 0xFF) << 8;
            check(Frame.build(id, input.length > 2 ? input[2] & 0xFF : 0, Arrays.copyOfRange(input, 2, input.length)));
        }
    }

    private static void check(byte[] datagram) {
        DatagramKind kind = DatagramKind.classify(datagram, 0, datagram.length);
        if (kind == DatagramKind.AUDIO) {
            assertThat(Frame.isValid(datagram, 0, datagram.length)).isFalse();
            return;
        }
        Message message;
        try {
            message = MessageCodec.decodeFrame(datagram, 0, datagram.length);
        } catch (MalformedMessageException e) {
            assertThat(e.messageId()).isEqualTo(Frame.id(datagram, 0));
            return;
        }
        byte[] again = MessageCodec.encodeFrame(message, Frame.counter(datagram, 0));
        try {
            assertThat(MessageCodec.decodeFrame(again, 0, again.length)).isEqualTo(message);
        } catch (MalformedMessageException e) {
            throw new AssertionError("re-encoded " + message + " does not decode: " + e.getMessage(), e);
        }
    }
}
