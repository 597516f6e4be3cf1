package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * Chat commands over real UDP: with {@code --chatcommands} a musician's {@code /tempo} and {@code /click} steer the
 * metronome and everyone is told; a bad command is answered to its sender only; without the option they are chat.
 */
class MetronomeChatTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static HeadlessServer start(String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        System.arraycopy(new String[] {"-s", "-n", "-p", "0"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        ParsedOptions options = JamulusOptions.parse(args);
        return HeadlessServer.start(ServerOptions.toConfig(options), null,
                new PrintStream(OutputStream.nullOutputStream()), options);
    }

    /** The next chat line at {@code c} that contains {@code part}. */
    private static String awaitChat(AudioTestClient c, String part) {
        return Await.value("chat with " + part, WAIT, () -> {
            ConnectedMessage.ChatText t = c.control().await(ConnectedMessage.ChatText.class, Duration.ofSeconds(1));
            return t == null ? "" : t.text();
        }, text -> text.contains(part));
    }

    private static List<String> awaitNames(AudioTestClient c, int count) {
        return Await.value(count + " entries", WAIT, () -> {
            ConnectedMessage.ConnClientsList l = c.control().await(ConnectedMessage.ConnClientsList.class,
                    Duration.ofSeconds(1));
            return l == null ? List.<String>of() : l.clients().stream().map(ClientListEntry::info)
                    .map(i -> i.name()).toList();
        }, names -> names.size() == count && !names.contains(""));
    }

    @Test
    void musiciansSteerTheMetronomeFromTheChat() throws Exception {
        try (HeadlessServer server = start("--chatcommands", "--metronome", "120");
             AudioTestClient ann = new AudioTestClient(server.udpPort(), AudioCodec.OPUS, 1, 45, "Ann");
             AudioTestClient bo = new AudioTestClient(server.udpPort(), AudioCodec.OPUS, 1, 45, "Bo")) {
            ServerEngine engine = server.engine();
            assertThat(awaitNames(bo, 3)).containsExactly("Ann", "Bo", "Metronome");

            ann.control().send(new ConnectedMessage.ChatText("/tempo 96"));
            assertThat(awaitChat(bo, "Ann set 96 bpm, 4 beats per bar")).startsWith(ChatCommands.PREFIX);
            assertThat(engine.metronome()).isEqualTo(new MetronomeSettings(true, 96, 4, 10));

            ann.control().send(new ConnectedMessage.ChatText("/TEMPO 150/3"));
            awaitChat(bo, "set 150 bpm, 3 beats per bar");
            assertThat(engine.metronome().beatsPerBar()).isEqualTo(3);

            bo.control().send(new ConnectedMessage.ChatText("/click off"));
            // The new list goes out before the chat line (each wait skips other messages, so in that order).
            assertThat(awaitNames(ann, 2)).containsExactly("Ann", "Bo");
            awaitChat(ann, "Bo switched it off");
            bo.control().send(new ConnectedMessage.ChatText("/click on"));
            assertThat(awaitNames(ann, 3)).containsExactly("Ann", "Bo", "Metronome");
            awaitChat(ann, "Bo switched it on");

            // A bad command: only the sender is told, nothing changes, nobody else sees it.
            bo.control().clear();
            ann.control().send(new ConnectedMessage.ChatText("/tempo fast"));
            assertThat(awaitChat(ann, "/tempo needs 30 to 300")).startsWith(ChatCommands.PREFIX);
            ann.control().send(new ConnectedMessage.ChatText("just chat"));
            assertThat(awaitChat(bo, "just chat")).doesNotContain("needs");
            assertThat(engine.metronome()).isEqualTo(new MetronomeSettings(true, 150, 3, 10));
        }
    }

    @Test
    void withoutTheOptionCommandsAreChat() throws Exception {
        try (HeadlessServer server = start("--metronome", "120");
             AudioTestClient ann = new AudioTestClient(server.udpPort(), AudioCodec.OPUS, 1, 45, "Ann")) {
            ann.control().send(new ConnectedMessage.ChatText("/tempo 96"));
            assertThat(awaitChat(ann, "/tempo 96")).contains("<b>Ann</b>");
            assertThat(server.engine().metronome().bpm()).isEqualTo(120);
        }
    }
}
