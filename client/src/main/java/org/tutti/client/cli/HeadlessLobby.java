package org.tutti.client.cli;

import java.io.PrintStream;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.session.LobbyAnswerer;

/**
 * The headless client in a private server's lobby: sends the password stored in the settings file for the
 * {@code -c} server by itself (there is no {@code --password}: a secret on the command line is visible to every
 * user of the machine). With none stored, or a wrong one, it says so once; the password can then be sent with
 * JSON-RPC {@code jamulusclient/sendChatText}. Never prints the password.
 */
final class HeadlessLobby implements ClientListener {
    private final LobbyAnswerer lobby = new LobbyAnswerer();
    private final PrintStream out;
    private volatile ClientEngine engine;

    HeadlessLobby(PrintStream out, String storedPassword) {
        this.out = out;
        lobby.connecting(storedPassword);
    }

    void bind(ClientEngine engine) {
        this.engine = engine;
    }

    @Override
    public void chatReceived(String html) {
        LobbyAnswerer.Action a = lobby.chat(html);
        ClientEngine e = engine;
        if (a.send() != null && e != null) {
            out.println("- private server: sending the password stored in the settings file");
            e.sendChat(a.send());
        }
        if (a.ask() != LobbyAnswerer.Ask.NO) {
            out.println(a.ask() == LobbyAnswerer.Ask.WRONG
                    ? "- private server: the stored password was not accepted; send the right one as a chat line"
                    : "- private server: no password stored for it in the settings file; send it as a chat line");
        }
    }
}
