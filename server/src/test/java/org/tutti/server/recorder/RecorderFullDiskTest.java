package org.tutti.server.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.testing.Await;

/**
 * A full disk (issue #10): the recorder writes onto a real 256 KiB tmpfs until it is full. Recording must stop
 * cleanly (state NOT_ENABLED, an error message, no exception to the engine) and the WAV written so far must parse.
 * Needs root to mount the tmpfs: skipped otherwise, except under CI=true where it must run.
 */
class RecorderFullDiskTest {
    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 5000);

    @Test
    void aFullDiskStopsRecordingCleanlyAndKeepsAValidWav(@TempDir Path dir) throws Exception {
        Path disk = dir.resolve("small-disk");
        Files.createDirectories(disk);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString());
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root): full-disk test skipped");
        }
        assertThat(mounted).as("mount a 256 KiB tmpfs (CI runs as root)").isTrue();
        try {
            try (JamRecorder recorder = new JamRecorder(disk, true, 128,
                    Clock.fixed(Instant.parse("2026-01-01T20:00:00Z"), ZoneOffset.UTC))) {
                short[] pcm = new short[128];
                // 256 bytes per tick: 4000 ticks is about 1 MB, four times the disk.
                for (int tick = 0; tick < 4000 && recorder.isRecording(); tick++) {
                    for (int i = 0; i < pcm.length; i++) {
                        pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (tick * 128 + i) / 48000.0));
                    }
                    recorder.frame(0, "Alice", ALICE, 1, pcm, 0, 128);
                    recorder.endOfTick();
                    if (tick % 100 == 0) {
                        Thread.sleep(5); // let the writer keep up, as a real-time engine would
                    }
                }
                Await.holdsWithin(Duration.ofSeconds(10), () -> !recorder.isRecording());
                assertThat(recorder.state()).as("recording stopped").isEqualTo(RecorderState.NOT_ENABLED);
                assertThat(recorder.errorMessage()).as("reason given").isNotBlank();
                System.out.println("full disk: recorder says: " + recorder.errorMessage());
            }
            List<Path> wavs;
            try (Stream<Path> s = Files.walk(disk)) {
                wavs = s.filter(p -> p.toString().endsWith(".wav")).toList();
            }
            assertThat(wavs).hasSize(1);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wavs.get(0).toFile())) {
                long frames = in.getFrameLength();
                assertThat(frames).isPositive();
                assertThat(in.readAllBytes()).hasSize((int) frames * in.getFormat().getFrameSize());
                System.out.printf("full disk: WAV valid with %d frames (%.2f s) on a 256 KiB disk%n", frames,
                        frames / 48000.0);
            }
        } finally {
            if (mounted) {
                run("umount", disk.toString());
            }
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
