package org.tutti.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping for an amount of time: the one waiting helper of every test module. The
 * machine running the tests is shared and slow at times, so the default limit is generous; a test that waits the full
 * limit fails with what it was waiting for and the last value seen, never with a bare time-out.
 */
public final class Await {
    /** The limit when none is given: long enough for a loaded CI machine, short enough to name a hang. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);
    private static final long POLL_NANOS = 5_000_000;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails after {@link #DEFAULT_LIMIT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    /** Returns once {@code condition} holds; fails after {@code limit}, naming {@code what}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        value(what, limit, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls {@code supplier} until {@code accepted} holds for its value, and returns that value. */
    public static <T> T value(String what, Supplier<T> supplier, Predicate<? super T> accepted) {
        return value(what, DEFAULT_LIMIT, supplier, accepted);
    }

    /** Polls {@code supplier} until {@code accepted} holds for its value, and returns that value. */
    public static <T> T value(String what, Duration limit, Supplier<T> supplier, Predicate<? super T> accepted) {
        Objects.requireNonNull(what, "what");
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T seen = supplier.get();
            if (accepted.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what + "; last seen: " + seen);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** True once {@code condition} holds, false if {@code limit} passes first: for waits whose failure is an answer. */
    public static boolean holdsWithin(Duration limit, BooleanSupplier condition) {
        try {
            until("a condition", limit, condition);
            return true;
        } catch (AssertionError timedOut) {
            if (Thread.currentThread().isInterrupted()) {
                throw timedOut;
            }
            return false;
        }
    }
}
