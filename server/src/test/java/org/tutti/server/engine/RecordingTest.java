package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.LobbyText;
import org.tutti.protocol.ConnectedMessage.RecorderStateMessage;
import org.tutti.protocol.RecorderState;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;

/** The engine feeds the jam recorder of {@code -R} (protocol doc §8) and tells clients its state. */
class RecordingTest {
    @TempDir
    Path dir;

    @Test
    void recordsEachMusicianAndReportsStateChanges() throws Exception {
        var options = JamulusOptions.parse("-s", "-n", "-p", "0", "-R", dir.toString());
        try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options), null,
                new PrintStream(OutputStream.nullOutputStream()), options);
             AudioTestClient musician = new AudioTestClient(server.udpPort(), AudioCodec.OPUS64, 1, 22, "Rita")) {
            assertThat(musician.control().await(RecorderStateMessage.class, Duration.ofSeconds(3)))
                    .isEqualTo(new RecorderStateMessage(RecorderState.RECORDING));
            musician.play(8000, false);
            Thread.sleep(1500);
            server.engine().recorder().setEnabled(false); // as JSON-RPC stopRecording or SIGUSR2 do
            assertThat(musician.control().await(RecorderStateMessage.class, Duration.ofSeconds(3)))
                    .isEqualTo(new RecorderStateMessage(RecorderState.NOT_ENABLED));
        }
        List<Path> wavs;
        try (Stream<Path> files = Files.walk(dir)) {
            wavs = files.filter(p -> p.toString().endsWith(".wav")).toList();
        }
        assertThat(wavs).as("one WAV for the musician").hasSize(1);
        assertThat(wavs.getFirst().getParent().getFileName().toString()).startsWith("Jam-");
        // 1.5 s of mono 16-bit audio is about 144 kB; the header alone is 44 bytes.
        assertThat(Files.size(wavs.getFirst())).isGreaterThan(48_000);
    }

    @Test
    void aConnectionWaitingInThePasswordLobbyIsNotRecorded() throws Exception {
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "let me in\n");
        Path recordings = Files.createDirectory(dir.resolve("recordings"));
        var options = JamulusOptions.parse("-s", "-n", "-p", "0", "-R", recordings.toString(),
                "--passwordfile", passwordFile.toString());
        try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options), null,
                new PrintStream(OutputStream.nullOutputStream()), options);
             AudioTestClient rita = new AudioTestClient(server.udpPort(), AudioCodec.OPUS64, 1, 22, "Rita");
             AudioTestClient lenny = new AudioTestClient(server.udpPort(), AudioCodec.OPUS64, 1, 22, "Lenny")) {
            rita.control().send(new ChatText("let me in"));
            assertThat(rita.control().await(ChatText.class, Duration.ofSeconds(3)).text())
                    .isEqualTo(LobbyText.WELCOME);
            assertThat(rita.control().await(ChatText.class, Duration.ofSeconds(3)).text())
                    .isEqualTo(LobbyText.ADMITTED);
            rita.play(8000, false);
            lenny.play(8000, false); // waits in the lobby
            Thread.sleep(1500);
            server.engine().recorder().setEnabled(false);
        }
        List<Path> wavs;
        try (Stream<Path> files = Files.walk(recordings)) {
            wavs = files.filter(p -> p.toString().endsWith(".wav")).toList();
        }
        assertThat(wavs).as("Rita's WAV only").hasSize(1);
        assertThat(wavs.getFirst().getFileName().toString()).contains("Rita");
    }
}
