package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.tutti.net.UdpEndpoint;

/** The "recently kicked" table: a minute per sender, exact address and port, fixed size. */
class KickedSendersTest {
    private static UdpEndpoint peer(int port) {
        return UdpEndpoint.of(new InetSocketAddress("127.0.0.1", port));
    }

    @Test
    void holdsASenderForAMinuteOnly() {
        KickedSenders kicked = new KickedSenders(4);
        long t0 = 1_000_000_000L;
        kicked.add(peer(5000), t0);
        assertThat(kicked.contains(peer(5000), t0)).isTrue();
        assertThat(kicked.contains(peer(5000), t0 + KickedSenders.HOLD_NANOS - 1)).isTrue();
        assertThat(kicked.contains(peer(5000), t0 + KickedSenders.HOLD_NANOS)).isFalse();
        assertThat(kicked.contains(peer(5001), t0)).as("another port of the same address").isFalse();
        assertThat(kicked.contains(UdpEndpoint.of(new InetSocketAddress("127.0.0.2", 5000)), t0)).isFalse();
    }

    @Test
    void whenFullTheEntryEndingFirstMakesRoom() {
        KickedSenders kicked = new KickedSenders(2);
        kicked.add(peer(1), 0);
        kicked.add(peer(2), 10);
        kicked.add(peer(1), 20); // kicked again: its minute starts over, no new entry
        assertThat(kicked.size()).isEqualTo(2);
        kicked.add(peer(3), 30);
        assertThat(kicked.size()).isEqualTo(2);
        assertThat(kicked.contains(peer(2), 30)).as("ended first, made room").isFalse();
        assertThat(kicked.contains(peer(1), 30)).isTrue();
        assertThat(kicked.contains(peer(3), 30)).isTrue();
    }
}
