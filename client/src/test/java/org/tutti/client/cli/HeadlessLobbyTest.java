package org.tutti.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.protocol.LobbyText;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.testing.Await;

/**
 * The headless client's answer to a lobby, with a real client engine on a real server: the stored password leaves
 * as a chat line, the console says so without printing it; without one it only says what to do.
 */
class HeadlessLobbyTest {
    private final List<String> serverChat = new CopyOnWriteArrayList<>();

    @Test
    void sendsTheStoredPasswordAndNeverPrintsIt() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 4), new ServerEvents() {
            @Override
            public void chatSent(int senderId, String html) {
                serverChat.add(html);
            }
        });
             ClientEngine engine = EngineFactory.create(new ClientSettings(), new PacedFakeBackend(), new EngineSession())) {
            engine.connect("127.0.0.1:" + server.port()).get(15, TimeUnit.SECONDS);
            HeadlessLobby lobby = new HeadlessLobby(new PrintStream(console, true, StandardCharsets.UTF_8), "s3cret-pass");
            lobby.bind(engine);
            lobby.chatReceived(LobbyText.WELCOME); // as the engine's listener fan-out hands it over
            Await.until("the password reached the server", () -> serverChat.stream().anyMatch(c -> c.contains("s3cret-pass")));
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("sending the password stored in the settings file").doesNotContain("s3cret-pass");
    }

    @Test
    void withoutAStoredPasswordItSaysWhatToDoOnce() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        HeadlessLobby lobby = new HeadlessLobby(new PrintStream(console, true, StandardCharsets.UTF_8), null);
        lobby.chatReceived(LobbyText.WELCOME);
        lobby.chatReceived(LobbyText.WRONG_PREFIX + "Try again.");
        assertThat(console.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("- private server: no password stored for it in the settings file; send it as a chat line");
    }
}
