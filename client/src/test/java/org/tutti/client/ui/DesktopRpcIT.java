package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.cli.ClientCommandLine;
import org.tutti.client.cli.RpcOptions;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;

/**
 * The desktop app started as the launcher starts it ({@code -c}, {@code --jsonrpcport}, {@code --jsonrpcsecretfile}),
 * in this JVM so the test can read its window: a real window on the X display, a paced fake sound card, a real
 * in-process server over UDP and a real JSON-RPC client over TCP. Each JSON-RPC call must show in the window as if the
 * musician had done it, notifications must arrive, and both must keep working after the window rebuilds its engine.
 */
class DesktopRpcIT {
    private static final Duration NOTIFIED = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void jsonRpcActsThroughTheWindowAndSurvivesAnEngineRebuild() throws Exception {
        Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        FailOnThreadViolationRepaintManager.install(); // JSON-RPC must reach Swing only through the EDT
        I18n.use("en", true);
        Secrets secrets = Secrets.create(dir);
        Path settingsFile = dir.resolve("settings.json");
        Files.writeString(settingsFile, "{\"profile\": {\"name\": \"Ann\", \"city\": \"Lyon\"}}");
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), null)) {
            String address = "127.0.0.1:" + server.port();
            ParsedOptions options = JamulusOptions.parse("-i", settingsFile.toString(), "-c", address,
                    "--jsonrpcport", "0", "--jsonrpcsecretfile", secrets.file().toString());
            assertThat(JamulusOptions.ineffectiveWarnings(options)).as("JSON-RPC options take effect").isEmpty();
            JsonRpcServer rpc = RpcOptions.open(options);
            ClientCommandLine commandLine = ClientCommandLine.from(options);
            EngineFactory.useCommandLine(null, null, commandLine);
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("desktop-app").start(() -> exit.complete(DesktopApp.run(true, address,
                    commandLine, rpc, err, s -> Optional.of(new PacedFakeBackend()))));
            MainWindow w = awaitWindow();
            try (RpcTestClient client = RpcTestClient.connectAndAuth(rpc.port(), secrets.secret(), NOTIFIED)) {
                GuiWait.waitFor("connected, as JSON-RPC says", () -> client.result("jamulusclient/getClientInfo",
                        new JsonObject()).getAsJsonObject().get("connected").getAsBoolean());
                GuiWait.waitFor("own strip in the window", () -> ownStrip(w) != null);
                assertThat(names(client.result("jamulusclient/getClientList", new JsonObject())))
                        .as("getClientList lists what the window shows").isEqualTo(windowNames(w));

                // setName: the server hears it, the window's profile holds it, the own strip shows it.
                client.result("jamulusclient/setName", Json.object("name", "Bea"));
                assertThat(client.awaitNotification("jamulusclient/clientListReceived",
                        p -> names(p).contains("Bea"), NOTIFIED)).as("clientListReceived with Bea").isNotNull();
                GuiWait.waitFor("own strip named Bea", () -> "Bea".equals(ownStrip(w).name()));
                assertThat(GuiActionRunner.execute(() -> w.settings.profile.name)).isEqualTo("Bea");

                // setFaderLevel moves the strip's fader; setMuted ticks "Mute Myself" and shows the banner.
                client.result("jamulusclient/setFaderLevel", fader(0, 30));
                GuiWait.waitFor("fader at 30", () -> GuiActionRunner.execute(
                        () -> w.board.strip(ownStrip(w).channelId()).fader().getValue() == 30));
                JsonObject mute = new JsonObject();
                mute.addProperty("muted", true);
                client.result("jamulusclient/setMuted", mute);
                GuiWait.waitFor("Mute Myself ticked", () -> GuiActionRunner.execute(
                        () -> w.status.muteMyself.isSelected() && w.status.muted.isVisible()));
                GuiWait.waitFor("engine muted", () -> w.session instanceof EngineSession e && e.engine().muteMyself());

                // sendChatText: the server sends it to everyone, so this window's chat shows it and JSON-RPC tells.
                client.result("jamulusclient/sendChatText", Json.object("chatText", "hello from a script"));
                assertThat(client.awaitNotification("jamulusclient/chatTextReceived",
                        p -> p.get("chatText").getAsString().contains("hello from a script"), NOTIFIED)).isNotNull();
                GuiWait.waitFor("chat window shows it", () -> GuiActionRunner.execute(
                        () -> w.chat.historyText().contains("hello from a script")));

                // startRecording: the Record button shows the take, as if pressed; the engine rebuild below ends it.
                Path take = Path.of(client.result("jamulusclient/startRecording", Json.object("folder",
                        dir.resolve("takes").toString())).getAsJsonObject().get("folder").getAsString());
                GuiWait.waitFor("Record pressed, Recording to the take", () -> GuiActionRunner.execute(
                        () -> w.status.record.isSelected() && w.status.recordingTo.isVisible()
                                && w.status.recordingTo.getText().contains(take.toString())));

                // A new buffer size rebuilds the engine: JSON-RPC follows it (notifications and actions).
                EngineSession session = (EngineSession) w.session;
                var before = session.engine();
                client.clearNotifications();
                GuiActionRunner.execute(() -> {
                    w.settings.audio.bufferFrames = 64;
                    session.settingsChanged(w.settings, true);
                });
                GuiWait.waitFor("new engine", () -> session.engine() != before);
                GuiWait.waitFor("the rebuild ended the take", () -> GuiActionRunner.execute(
                        () -> !w.status.record.isSelected() && !w.status.recordingTo.isVisible()));
                assertThat(take.resolve("mix.wav")).exists();
                assertThat(client.result("jamulusclient/stopRecording", new JsonObject()).getAsJsonObject()
                        .get("folder").isJsonNull()).as("nothing left to stop").isTrue();
                assertThat(client.awaitNotification("jamulusclient/connected", p -> true, NOTIFIED))
                        .as("connected notification from the new engine").isNotNull();
                GuiWait.waitFor("own strip back", () -> ownStrip(w) != null);
                client.result("jamulusclient/setName", Json.object("name", "Cy"));
                GuiWait.waitFor("own strip named Cy", () -> ownStrip(w) != null && "Cy".equals(ownStrip(w).name()));
                GuiWait.waitFor("server knows Cy", () -> server.clients().stream()
                        .anyMatch(c -> c.info() != null && "Cy".equals(c.info().name())));
                client.result("jamulusclient/setFaderLevel", fader(0, 70));
                GuiWait.waitFor("fader at 70", () -> GuiActionRunner.execute(
                        () -> w.board.strip(ownStrip(w).channelId()).fader().getValue() == 70));
            } finally {
                GuiActionRunner.execute(w::dispose);
            }
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("JSON-RPC: listening on 127.0.0.1:");
        }
    }

    private static MainWindow awaitWindow() {
        MainWindow[] found = new MainWindow[1];
        GuiWait.waitFor("main window shown", () -> GuiActionRunner.execute(() -> {
            for (Frame f : Frame.getFrames()) {
                if (f instanceof MainWindow m && m.isShowing()) {
                    found[0] = m;
                }
            }
            return found[0] != null;
        }));
        return found[0];
    }

    private static StripView ownStrip(MainWindow w) {
        return GuiActionRunner.execute(() -> w.board.shownOrder().stream().map(id -> w.board.strip(id).view())
                .filter(StripView::own).findFirst().orElse(null));
    }

    private static List<String> windowNames(MainWindow w) {
        return GuiActionRunner.execute(() -> w.board.shownOrder().stream()
                .map(id -> w.board.strip(id).view().name()).sorted().toList());
    }

    private static List<String> names(JsonElement clientList) {
        JsonArray clients = clientList.getAsJsonObject().getAsJsonArray("clients");
        return clients.asList().stream().map(c -> c.getAsJsonObject().get("name").getAsString()).sorted().toList();
    }

    private static JsonObject fader(int index, int level) {
        JsonObject o = new JsonObject();
        o.addProperty("channelIndex", index);
        o.addProperty("level", level);
        return o;
    }
}
