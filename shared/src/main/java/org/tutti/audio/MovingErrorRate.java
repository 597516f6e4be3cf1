package org.tutti.audio;

import java.util.Arrays;

/**
 * Moving-average error rate over the last {@code window} events, as Jamulus keeps it per simulated buffer:
 * a run of consecutive errors counts once (only its first event is recorded), and before any event is
 * recorded the rate reads 1.0 (worst case).
 */
final class MovingErrorRate {
    private final byte[] history;
    private int next;
    private int count;
    private int errors;
    private boolean previousWasError = true;

    MovingErrorRate(int window) {
        history = new byte[window];
    }

    void update(boolean error) {
        if (error && previousWasError) {
            return;
        }
        previousWasError = error;
        byte value = (byte) (error ? 1 : 0);
        if (count == history.length) {
            errors -= history[next];
        } else {
            count++;
        }
        history[next] = value;
        errors += value;
        next = next + 1 == history.length ? 0 : next + 1;
    }

    double rate() {
        return count == 0 ? 1.0 : (double) errors / count;
    }

    void reset() {
        Arrays.fill(history, (byte) 0);
        next = 0;
        count = 0;
        errors = 0;
        previousWasError = true;
    }
}
