package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static InetAddress ip(int n) {
        return InetAddress.ofLiteral("10." + (n >> 16 & 0xFF) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF));
    }

    @Test
    void bucketsRefillWithTimeUpToTheirCapacity() {
        RateLimiter limiter = new RateLimiter(3, 1);
        assertThat(limiter.tryAcquire(ip(1), 2, 0)).isTrue();
        assertThat(limiter.tryAcquire(ip(1), 2, 0)).isFalse();
        assertThat(limiter.tryAcquire(ip(1), 2, 1000)).isTrue(); // 1 + 1 refilled
        assertThat(limiter.tryAcquire(ip(1), 3, 60_000)).isTrue(); // capped at 3, not 60
        assertThat(limiter.tryAcquire(ip(1), 1, 60_000)).isFalse();
        assertThat(limiter.dropped()).isEqualTo(2);
    }

    @Test
    void theSourceTableIsBoundedAgainstSpoofedFloods() {
        RateLimiter limiter = new RateLimiter(2, 1);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            if (limiter.tryAcquire(ip(i), 1, 0)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(4096);
        assertThat(limiter.trackedSources()).isEqualTo(4096);
        assertThat(limiter.dropped()).isEqualTo(10_000 - 4096);
        // once the old buckets are full again they are forgotten and new sources get room
        assertThat(limiter.tryAcquire(ip(20_000), 1, 5000)).isTrue();
        assertThat(limiter.trackedSources()).isEqualTo(1);
    }
}
