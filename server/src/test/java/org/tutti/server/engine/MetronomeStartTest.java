package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.protocol.AudioCodec;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * {@code --metronome BPM[/BEATS]} on the headless server: it starts clicking, caps {@code -u} at 149 so its channel
 * ID stays below 150, and the jam recorder records the musicians only.
 */
class MetronomeStartTest {
    @TempDir
    Path dir;

    @Test
    void startsWithTheServerCapsMaxClientsAndIsNeverRecorded() throws Exception {
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "150", "--metronome", "96/3",
                "-R", dir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), options);
             AudioTestClient musician = new AudioTestClient(server.udpPort(), AudioCodec.OPUS64, 1, 22, "Rita")) {
            assertThat(server.engine().config().maxClients()).isEqualTo(149);
            assertThat(server.engine().metronome()).isEqualTo(new MetronomeSettings(true, 96, 3, 149));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("- metronome: 96 bpm, 3 beats per bar, channel ID 149");
            ClickEar ear = new ClickEar();
            musician.tap(ear);
            Await.until("clicks", Duration.ofSeconds(15), () -> ear.count() >= 4);
            assertThat(ear.medianInterval()).as("60 / 96 × 48000").isBetween(29_999L, 30_001L);
        }
        List<Path> wavs;
        try (Stream<Path> files = Files.walk(dir)) {
            wavs = files.filter(p -> p.toString().endsWith(".wav")).toList();
        }
        assertThat(wavs).as("one WAV, the musician's; none for the metronome").hasSize(1);
    }

    @Test
    void badMetronomeArgumentsStopTheStart() throws Exception {
        assertThat(ServerOptions.metronome(JamulusOptions.parse("-s", "--metronome", "120"))).containsExactly(120, 4);
        assertThat(ServerOptions.metronome(JamulusOptions.parse("-s", "--metronome", "30/12"))).containsExactly(30, 12);
        assertThat(ServerOptions.metronome(JamulusOptions.parse("-s"))).isNull();
        assertThat(ServerOptions.toConfig(JamulusOptions.parse("-s", "-u", "150")).maxClients()).isEqualTo(150);
        for (String bad : new String[] {"fast", "29", "301", "120/1", "120/13", "120/4/4", "/4", ""}) {
            assertThatThrownBy(() -> ServerOptions.metronome(JamulusOptions.parse("-s", "--metronome", bad)))
                    .as(bad).isInstanceOf(UsageException.class).hasMessageContaining("--metronome");
        }
    }
}
