package org.tutti.client.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.I18n;
import org.tutti.interop.FreePorts;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.ui.ServerPanelSettings;
import org.tutti.testing.Await;

/**
 * The built-in server's engine gives up after a crash loop (three Errors on its thread within a minute): the server
 * panel says so instead of showing a server that silently went deaf, the port is free, and switching server mode
 * on again starts a fresh server.
 */
class BuiltInServerFailureTest {
    @Test
    void aCrashLoopIsShownInThePanelAndServerModeCanStartAgain() throws Exception {
        int port = FreePorts.udp();
        ServerPanelSettings settings = new ServerPanelSettings("Own", "", 0, "", 10, false, false, port, "");
        BuiltInServer own = GuiActionRunner.execute(() -> new BuiltInServer(settings, a -> { }));
        try {
            assertThat(GuiActionRunner.execute(own::start)).isEmpty();
            ServerEngine engine = own.engine();
            for (int i = 0; i < 3; i++) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        engine.call(BuiltInServerFailureTest::failWithAnError);
                    } catch (IllegalStateException expected) {
                        // the failing command is never answered
                    }
                });
            }
            String stopped = I18n.tr("server.failed", "").substring(0, 20);
            // the panel says it once the failed engine is closed (off the EDT)
            Await.holdsWithin(Duration.ofSeconds(20),
                    () -> GuiActionRunner.execute(() -> own.serverPanel().statusText()).contains(stopped));
            assertThat(GuiActionRunner.execute(own::engine)).as("the failed engine is let go").isNull();
            assertThat(GuiActionRunner.execute(() -> own.serverPanel().statusText()))
                    .contains(stopped).contains("StackOverflowError");
            assertThat(engine.counters().snapshot().engineRestarts()).isEqualTo(3);

            assertThat(GuiActionRunner.execute(own::start)).as("server mode switched on again").isEmpty();
            assertThat(own.engine().port()).as("the failed engine released its port").isEqualTo(port);
            Await.holdsWithin(Duration.ofSeconds(10),
                    () -> !GuiActionRunner.execute(() -> own.serverPanel().statusText()).contains("StackOverflow"));
            assertThat(GuiActionRunner.execute(() -> own.serverPanel().statusText())).doesNotContain("StackOverflow");
        } finally {
            GuiActionRunner.execute(own::stop);
        }
    }

    private static Object failWithAnError() {
        // Thrown, not provoked: a test JVM once died (SIGSEGV, no hs_err file) in the client tests that provoke real
        // overflows; what is tested is the catch, which sees the same Error either way.
        throw new StackOverflowError("raised by the test");
    }

}
