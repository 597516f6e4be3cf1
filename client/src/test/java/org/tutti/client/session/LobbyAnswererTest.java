package org.tutti.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tutti.client.session.LobbyAnswerer.Action;
import org.tutti.client.session.LobbyAnswerer.Ask;
import org.tutti.client.settings.ClientSettings;
import org.tutti.protocol.LobbyText;

/** What the client does with a private server's lobby lines: send the stored password once, else ask once. */
class LobbyAnswererTest {
    private static final String WRONG = LobbyText.WRONG_PREFIX + "Try again.";
    private static final String LOCKED = LobbyText.LOCKED_PREFIX + "Wait a minute.";
    private final LobbyAnswerer lobby = new LobbyAnswerer();

    @Test
    void storedPasswordIsSentByItselfAndTheLobbyIsNeverShown() {
        lobby.connecting("s3cret");
        Action welcome = lobby.chat(LobbyText.WELCOME);
        assertThat(welcome.send()).isEqualTo("s3cret");
        assertThat(welcome.show()).isFalse();
        assertThat(welcome.ask()).isEqualTo(Ask.NO);
        Action admitted = lobby.chat(LobbyText.ADMITTED);
        assertThat(admitted.show()).as("no trace of the lobby in the chat").isFalse();
        assertThat(admitted.remember()).isNull();
        assertThat(lobby.chat("<b>Hi</b> welcome to the jam")).isEqualTo(Action.SHOW);
    }

    @Test
    void withoutAStoredPasswordTheMusicianIsAskedOnceAndARememberedAnswerIsStoredOnAdmission() {
        lobby.connecting(null);
        Action welcome = lobby.chat(LobbyText.WELCOME);
        assertThat(welcome.send()).isNull();
        assertThat(welcome.show()).isTrue();
        assertThat(welcome.ask()).isEqualTo(Ask.NONE_STORED);
        assertThat(lobby.answered("typo", true)).isEqualTo("typo");
        Action wrong = lobby.chat(WRONG);
        assertThat(wrong.ask()).as("asked once only").isEqualTo(Ask.NO);
        assertThat(wrong.show()).isTrue();
        assertThat(wrong.send()).isNull();
        // typed in the chat by the musician afterwards: the answerer sends nothing by itself any more
        Action admitted = lobby.chat(LobbyText.ADMITTED);
        assertThat(admitted.show()).isTrue();
        assertThat(admitted.remember()).as("the admitted answer, asked to be remembered").isEqualTo("typo");
    }

    @Test
    void aWrongStoredPasswordLeadsToOneQuestionAndNoMoreAutomaticSends() {
        lobby.connecting("old");
        assertThat(lobby.chat(LobbyText.WELCOME).send()).isEqualTo("old");
        Action wrong = lobby.chat(WRONG);
        assertThat(wrong.ask()).isEqualTo(Ask.WRONG);
        assertThat(wrong.show()).isTrue();
        assertThat(lobby.answered("new", false)).isEqualTo("new");
        assertThat(lobby.chat(WRONG)).isEqualTo(Action.SHOW);
        assertThat(lobby.chat(LobbyText.WELCOME).send()).as("a repeated welcome does not resend").isNull();
        assertThat(lobby.chat(LobbyText.ADMITTED).remember()).as("not asked to remember").isNull();
    }

    @Test
    void cancelSendsNothingAndTheLockoutStopsEverything() {
        lobby.connecting(null);
        assertThat(lobby.chat(LobbyText.WELCOME).ask()).isEqualTo(Ask.NONE_STORED);
        assertThat(lobby.answered(null, true)).isNull();
        assertThat(lobby.answered("", true)).isNull();
        assertThat(lobby.chat(LOCKED)).isEqualTo(Action.SHOW);
        assertThat(lobby.answered("late", true)).as("locked out: nothing more is sent").isNull();
        assertThat(lobby.chat(WRONG)).isEqualTo(Action.SHOW);
    }

    @Test
    void lobbyLinesOutsideALobbyAreOrdinaryChat() {
        lobby.connecting("s3cret");
        assertThat(lobby.chat(WRONG)).isEqualTo(Action.SHOW);
        assertThat(lobby.chat(LobbyText.ADMITTED)).isEqualTo(Action.SHOW);
        assertThat(lobby.answered("x", false)).as("no question pending").isNull();
    }

    @Test
    void aNewConnectionStartsAfresh() {
        lobby.connecting("a");
        assertThat(lobby.chat(LobbyText.WELCOME).send()).isEqualTo("a");
        lobby.connecting("a");
        assertThat(lobby.chat(LobbyText.WELCOME).send()).isEqualTo("a");
    }

    @Test
    void passwordsAreKeptPerServerAndNeverInToString() {
        ClientSettings settings = new ClientSettings();
        LobbyAnswerer.store(settings, "Jam.Example.org", "pw1");
        assertThat(LobbyAnswerer.storedPassword(settings, "jam.example.org:22124")).isEqualTo("pw1");
        assertThat(LobbyAnswerer.storedPassword(settings, "jam.example.org:22125")).isNull();
        assertThat(LobbyAnswerer.storedPassword(settings, "[::1]:22124")).isNull();
        assertThat(settings.toString()).doesNotContain("pw1");
        lobby.connecting("pw1");
        Action a = lobby.chat(LobbyText.WELCOME);
        assertThat(a.toString()).doesNotContain("pw1");
    }
}
