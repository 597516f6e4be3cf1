package org.tutti.client.ui;

import static org.assertj.swing.timing.Pause.pause;

import java.util.function.BooleanSupplier;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Timeout;

/** Waiting for a condition in the GUI tests: real engines and servers answer in their own time. */
final class GuiWait {
    private GuiWait() {
    }

    /** Waits until {@code test} holds; fails naming {@code what} after 30 s. */
    static void waitFor(String what, BooleanSupplier test) {
        pause(new Condition(what) {
            @Override
            public boolean test() {
                return test.getAsBoolean();
            }
        }, Timeout.timeout(30_000));
    }
}
