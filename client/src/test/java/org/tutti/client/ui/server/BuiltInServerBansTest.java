package org.tutti.client.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.FreePorts;
import org.tutti.server.engine.Ban;
import org.tutti.server.ui.ServerPanelSettings;
import org.tutti.testing.Await;

/**
 * Server mode keeps its bans across restarts in the ban file beside the settings: a ban still holding is in force
 * and listed from the start, one that ended is dropped, and an unban from the panel rewrites the file.
 */
class BuiltInServerBansTest {
    @TempDir
    Path dir;

    @Test
    void bansComeBackFromTheFileAndAnUnbanIsWrittenBack() throws Exception {
        Path banFile = dir.resolve("bans.txt");
        Files.writeString(banFile, "192.0.2.7 forever\n198.51.100.9 " + Instant.now().plus(Duration.ofHours(1))
                + "\n203.0.113.5 2001-01-01T00:00:00Z\n");
        int port = FreePorts.udp();
        ServerPanelSettings settings = new ServerPanelSettings("Own", "", 0, "", 10, false, false, port, "");
        BuiltInServer own = GuiActionRunner.execute(() -> new BuiltInServer(settings, a -> { }, s -> { }, banFile));
        try {
            assertThat(GuiActionRunner.execute(own::start)).isEmpty();
            assertThat(own.engine().bans()).extracting(Ban::address)
                    .containsExactly(InetAddress.ofLiteral("192.0.2.7"), InetAddress.ofLiteral("198.51.100.9"));
            Await.until("both bans listed in the panel", () -> GuiActionRunner.execute(() -> own.serverPanel().banCount()) == 2);

            own.engine().unban(InetAddress.ofLiteral("192.0.2.7")); // what the panel's Unban leads to (ServerPanelKickBanGuiTest)
            Await.until("the unban written to the file", () -> {
                String text = read(banFile);
                return !text.contains("192.0.2.7") && text.contains("198.51.100.9");
            });
            Await.until("and shown", () -> GuiActionRunner.execute(() -> own.serverPanel().banCount()) == 1);
        } finally {
            GuiActionRunner.execute(own::stop);
        }

        // another port: the first server's socket is closed on its worker thread, maybe not yet
        ServerPanelSettings next = new ServerPanelSettings("Own", "", 0, "", 10, false, false, FreePorts.udp(), "");
        BuiltInServer again = GuiActionRunner.execute(() -> new BuiltInServer(next, a -> { }, s -> { }, banFile));
        try {
            assertThat(GuiActionRunner.execute(again::start)).isEmpty();
            assertThat(again.engine().bans()).extracting(Ban::address)
                    .containsExactly(InetAddress.ofLiteral("198.51.100.9"));
        } finally {
            GuiActionRunner.execute(again::stop);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
