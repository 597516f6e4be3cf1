package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** RFC 6886 §3.2 replies, byte by byte, including the malformed ones a stray packet could bring. */
class NatPmpAnswerTest {
    @Test
    void successCarriesThePublicAddress() {
        byte[] reply = {0, (byte) 128, 0, 0, 0, 0, 0x10, 0, 45, 67, 89, 1};
        NatPmpAnswer a = NatPmpAnswer.parse(reply, reply.length);
        assertThat(a.resultCode()).isZero();
        assertThat(a.publicAddress()).isEqualTo(InetAddress.ofLiteral("45.67.89.1"));
        assertThat(a.noPublicAddress()).isFalse();
    }

    @Test
    void networkFailureIsNoPublicAddress() {
        byte[] reply = {0, (byte) 128, 0, 3, 0, 0, 0x10, 0, 0, 0, 0, 0};
        NatPmpAnswer a = NatPmpAnswer.parse(reply, reply.length);
        assertThat(a.resultCode()).isEqualTo(3);
        assertThat(a.noPublicAddress()).isTrue();
        assertThat(a.meaning()).contains("no public address");
    }

    @Test
    void aSuccessWithAPrivateAddressIsNoPublicAddressEither() {
        byte[] reply = {0, (byte) 128, 0, 0, 0, 0, 0, 1, 100, 64, 0, 1};
        assertThat(NatPmpAnswer.parse(reply, reply.length).noPublicAddress()).isTrue();
    }

    @Test
    void aShortVersionMismatchReplyIsUnderstood() {
        byte[] reply = {2, (byte) 128, 0, 1};
        assertThat(NatPmpAnswer.parse(reply, reply.length).resultCode()).isEqualTo(NatPmpAnswer.UNSUPPORTED_VERSION);
    }

    @Test
    void anythingElseIsRejectedWithAReason() {
        assertThatThrownBy(() -> NatPmpAnswer.parse(new byte[] {0, (byte) 129, 0, 0}, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a NAT-PMP");
        assertThatThrownBy(() -> NatPmpAnswer.parse(new byte[] {0, (byte) 128, 0, 0, 0, 0}, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> NatPmpAnswer.parse(new byte[] {0}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
