package org.tutti.client.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.FreePorts;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Server mode's session password: the built-in server starts private when the settings have one, and the panel's
 * Apply switches it live (on, changed, off) without a restart, as the lobby's engine reports it.
 */
class BuiltInServerPasswordTest {
    @TempDir
    Path dir;

    private static ServerPanelSettings withPassword(int port, String password) {
        return new ServerPanelSettings("Own", "", 0, "", 10, false, false, port, "", true, "", false, 0, password);
    }

    @Test
    void thePasswordStartsTheServerPrivateAndApplyChangesItLive() throws Exception {
        int port = FreePorts.udp();
        BuiltInServer own = GuiActionRunner.execute(() -> new BuiltInServer(withPassword(port, "band-only"), a -> { },
                s -> { }, dir.resolve("bans.txt")));
        try {
            assertThat(GuiActionRunner.execute(own::start)).isEmpty();
            var engine = own.engine();
            assertThat(engine.hasPassword()).isTrue();
            assertThat(withPassword(port, "band-only").toString()).doesNotContain("band-only");

            GuiActionRunner.execute(() -> own.settingsApplied(withPassword(port, "")));
            org.tutti.testing.Await.until("open to all", () -> !engine.hasPassword());
            assertThat(own.engine()).as("no restart").isSameAs(engine);

            GuiActionRunner.execute(() -> own.settingsApplied(withPassword(port, "new-one")));
            org.tutti.testing.Await.until("private again", engine::hasPassword);
        } finally {
            GuiActionRunner.execute(own::stop);
        }
    }
}
