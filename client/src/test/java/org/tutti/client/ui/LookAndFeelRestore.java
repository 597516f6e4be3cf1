package org.tutti.client.ui;

import javax.swing.LookAndFeel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that install a theme: puts back the look and feel that was installed before each test (on the EDT), so
 * that later tests in the same JVM see what they expect. Use with {@code @ExtendWith(LookAndFeelRestore.class)}.
 */
public final class LookAndFeelRestore implements BeforeEachCallback, AfterEachCallback {
    private LookAndFeel before;

    @Override
    public void beforeEach(ExtensionContext context) {
        before = UIManager.getLookAndFeel();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            try {
                UIManager.setLookAndFeel(before);
            } catch (UnsupportedLookAndFeelException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
