package org.tutti.server.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps the engine thread's duty cycle alive when something escapes it (issue #10): an {@link Error} such as a
 * stack overflow, or a bug outside the per-tick and per-datagram catches. Without it the thread ends and the server
 * goes deaf while the process still looks alive.
 *
 * <p>Choice: <b>restart the cycle, keeping the clients</b>. All engine state lives in the engine's fields, which are
 * only changed by the engine thread at message and tick boundaries, and a failed tick is already skipped the same
 * way for runtime exceptions; dropping every musician for one bad frame would be worse than one glitch. After a
 * failure the engine repairs what a half-done step could leave inconsistent (the active-channel table). But
 * <b>a crash loop means the state is unusable</b>: after {@value #MAX_FAILURES} failures within a minute the
 * supervisor gives up, the engine shuts down and reports it ({@link ServerEvents#engineFailed}), and the headless
 * server exits non-zero so that systemd ({@code Restart=on-failure}) starts a fresh process.
 *
 * <p>The first failure is logged with its stack trace, later ones only counted ({@code engineRestarts}): a
 * repeating failure must not flood the log.
 */
final class EngineSupervisor implements Runnable {
    static final int MAX_FAILURES = 3;
    static final long WINDOW_NANOS = 60_000_000_000L;

    private final Runnable dutyCycle;
    private final BooleanSupplier running;
    private final EngineCounters counters;
    private final Runnable repair;
    private final Consumer<Throwable> giveUp;
    private final long[] recentFailureNs = new long[MAX_FAILURES];
    private int failures;

    /**
     * @param dutyCycle returns when the engine stops; anything it throws is a failure
     * @param running   false once the engine was asked to stop (a failure then just ends the thread)
     * @param repair    runs after a failure, before the cycle restarts
     * @param giveUp    runs on the engine thread when the supervisor stops restarting
     */
    EngineSupervisor(Runnable dutyCycle, BooleanSupplier running, EngineCounters counters, Runnable repair,
                     Consumer<Throwable> giveUp) {
        this.dutyCycle = dutyCycle;
        this.running = running;
        this.counters = counters;
        this.repair = repair;
        this.giveUp = giveUp;
    }

    @Override
    public void run() {
        while (true) {
            try {
                dutyCycle.run();
                return;
            } catch (Throwable failure) {
                if (!onFailure(failure, System.nanoTime())) {
                    return;
                }
            }
        }
    }

    /** True when the cycle should restart. */
    private boolean onFailure(Throwable failure, long nowNs) {
        counters.engineRestarts++;
        if (!running.getAsBoolean()) {
            return false;
        }
        if (failures == 0) {
            System.getLogger("tutti.server").log(System.Logger.Level.ERROR,
                    "server engine thread failed; restarting it and keeping the clients (further failures are"
                            + " only counted: engineRestarts)", failure);
        }
        recentFailureNs[failures % MAX_FAILURES] = nowNs;
        failures++;
        // The slot written next holds the oldest of the last MAX_FAILURES failures.
        if (failures >= MAX_FAILURES && nowNs - recentFailureNs[failures % MAX_FAILURES] < WINDOW_NANOS) {
            System.getLogger("tutti.server").log(System.Logger.Level.ERROR,
                    "server engine failed " + MAX_FAILURES + " times within a minute; giving up: " + failure);
            giveUp.accept(failure);
            return false;
        }
        try {
            repair.run();
        } catch (Throwable repairFailure) {
            giveUp.accept(failure);
            return false;
        }
        return true;
    }
}
