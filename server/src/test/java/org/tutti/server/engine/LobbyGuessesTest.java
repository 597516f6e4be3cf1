package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The per-address guess budget on an explicit clock: 5 wrong a minute, then 10 minutes out. */
class LobbyGuessesTest {
    private static final long SECOND = 1_000_000_000L;
    private final InetAddress home = InetAddress.ofLiteral("192.0.2.1");
    private final InetAddress other = InetAddress.ofLiteral("192.0.2.2");

    @Test
    void fifthWrongGuessInAMinuteLocksTheAddressOutForTenMinutes() {
        LobbyGuesses guesses = new LobbyGuesses();
        long t = 5 * SECOND;
        for (int i = 1; i <= 4; i++) {
            assertThat(guesses.wrong(home, t + i * SECOND)).isFalse();
            assertThat(guesses.left(home)).isEqualTo(5 - i);
        }
        assertThat(guesses.wrong(home, t + 5 * SECOND)).isTrue();
        assertThat(guesses.lockedOut(home, t + 6 * SECOND)).isTrue();
        assertThat(guesses.lockedOut(other, t + 6 * SECOND)).as("another address").isFalse();
        assertThat(guesses.lockedOut(home, t + 5 * SECOND + 599 * SECOND)).isTrue();
        assertThat(guesses.lockedOut(home, t + 5 * SECOND + 600 * SECOND)).as("after 10 minutes").isFalse();
        assertThat(guesses.left(home)).isEqualTo(5);
    }

    @Test
    void aSlowGuesserGetsAFreshMinute() {
        LobbyGuesses guesses = new LobbyGuesses();
        for (int i = 0; i < 4; i++) {
            assertThat(guesses.wrong(home, i * SECOND)).isFalse();
        }
        assertThat(guesses.wrong(home, 61 * SECOND)).as("a new minute").isFalse();
        assertThat(guesses.left(home)).isEqualTo(4);
    }

    @Test
    void theTableStaysBoundedAndKeepsItsLockouts() {
        LobbyGuesses guesses = new LobbyGuesses();
        for (int i = 0; i < 5; i++) {
            guesses.wrong(home, 0);
        }
        for (int i = 0; i < LobbyGuesses.MAX_ADDRESSES + 100; i++) {
            byte[] ip = {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
            try {
                guesses.wrong(InetAddress.getByAddress(ip), SECOND);
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(guesses.size()).isLessThanOrEqualTo(LobbyGuesses.MAX_ADDRESSES);
        assertThat(guesses.lockedOut(home, 2 * SECOND)).isTrue();
    }
}
