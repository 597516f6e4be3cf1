package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The anti-amplification budgets with an explicit clock (the socket-level floods are in ClmFloodTest): which source
 * shares a budget with which, and how the global byte budget refills.
 */
class ClmAnswerBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void portsOfOneIpShareOneBudgetAndOtherIpsHaveTheirOwn() {
        ClmAnswerBudget budget = new ClmAnswerBudget(4);
        int granted = 0;
        for (int port = 1000; port < 1200; port++) {
            granted += budget.sourceMayAsk(new InetSocketAddress("198.51.100.7", port), null, SECOND) ? 1 : 0;
        }
        assertThat(granted).isEqualTo((int) ClmAnswerBudget.ANSWER_BURST);
        assertThat(budget.sourceMayAsk(new InetSocketAddress("198.51.100.8", 1000), null, SECOND)).isTrue();
        // half a second later: 10 more for the flooded IP (20/s)
        granted = 0;
        for (int i = 0; i < 50; i++) {
            granted += budget.sourceMayAsk(new InetSocketAddress("198.51.100.7", 5000 + i), null, SECOND + SECOND / 2)
                    ? 1 : 0;
        }
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void aConnectedChannelHasItsOwnBudgetEvenOnAFloodedIp() {
        ClmAnswerBudget budget = new ClmAnswerBudget(4);
        InetSocketAddress musician = new InetSocketAddress("198.51.100.7", 22124);
        for (int port = 1000; port < 1100; port++) {
            budget.sourceMayAsk(new InetSocketAddress("198.51.100.7", port), null, SECOND);
        }
        ClientChannel channel = new ClientChannel(2, 4);
        assertThat(budget.sourceMayAsk(musician, channel, SECOND)).isTrue();
        assertThat(budget.sourceMayAsk(musician, null, SECOND)).as("as a stranger it would be refused").isFalse();
    }

    @Test
    void ipv6SourcesAreGroupedByTheirSlash64() {
        assertThat(ClmAnswerBudget.ipKey(new InetSocketAddress("2001:db8:1:2::1", 1)))
                .isEqualTo(ClmAnswerBudget.ipKey(new InetSocketAddress("2001:db8:1:2:ffff:eeee:dddd:cccc", 2)))
                .isNotEqualTo(ClmAnswerBudget.ipKey(new InetSocketAddress("2001:db8:1:3::1", 1)));
        assertThat(ClmAnswerBudget.ipKey(new InetSocketAddress("192.0.2.1", 1)))
                .isNotEqualTo(ClmAnswerBudget.ipKey(new InetSocketAddress("192.0.2.2", 1)));
    }

    @Test
    void theGlobalByteBudgetRefillsAtItsRate() {
        ClmAnswerBudget budget = new ClmAnswerBudget(4, 1000, 500);
        assertThat(budget.globalAllows(400, SECOND)).isTrue();
        assertThat(budget.globalAllows(200, SECOND)).as("100 bytes left").isFalse();
        assertThat(budget.globalAllows(100, SECOND)).isTrue();
        assertThat(budget.globalAllows(300, SECOND + SECOND / 4)).as("250 refilled").isFalse();
        assertThat(budget.globalAllows(250, SECOND + SECOND / 4)).isTrue();
        assertThat(budget.globalAllows(501, 100 * SECOND)).as("never more than the burst").isFalse();
    }
}
