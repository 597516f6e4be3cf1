package org.tutti.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    @Test
    void returnsTheFirstAcceptedValueSeen() {
        AtomicInteger polls = new AtomicInteger();
        int seen = Await.value("three polls", polls::incrementAndGet, n -> n >= 3);
        assertThat(seen).isEqualTo(3);
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatAndTheLastValue() {
        assertThatThrownBy(() -> Await.value("the answer", Duration.ofMillis(30), () -> 41, n -> n == 42))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the answer")
                .hasMessageContaining("last seen: 41");
    }

    @Test
    void holdsWithinAnswersFalseOnTimeOut() {
        assertThat(Await.holdsWithin(Duration.ofMillis(20), () -> false)).isFalse();
        assertThat(Await.holdsWithin(Duration.ofMillis(20), () -> true)).isTrue();
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.until("never", Duration.ofSeconds(5), () -> false))
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
