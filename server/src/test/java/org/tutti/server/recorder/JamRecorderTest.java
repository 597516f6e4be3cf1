package org.tutti.server.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.testing.Await;

class JamRecorderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T19:22:18.181Z"), ZoneOffset.UTC);
    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 32998);
    private static final InetSocketAddress BOB = new InetSocketAddress("192.168.1.7", 5000);

    @TempDir
    Path base;

    /** A sine of {@code hz} for tick {@code tick} of 128 samples, {@code channels} interleaved. */
    static short[] tone(int tick, double hz, int channels) {
        short[] pcm = new short[128 * channels];
        for (int i = 0; i < 128; i++) {
            long n = tick * 128L + i;
            short v = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * n / 48000.0));
            for (int c = 0; c < channels; c++) {
                pcm[i * channels + c] = v;
            }
        }
        return pcm;
    }

    @Test
    void aSessionHasOneWavPerMusicianAndIndexesThatLineThemUp() throws Exception {
        try (JamRecorder recorder = new JamRecorder(base, true, 128, CLOCK)) {
            for (int tick = 0; tick < 1000; tick++) {
                recorder.frame(0, tick < 10 ? "" : "Alice", ALICE, 1, tone(tick, 440, 1), 0, 128);
                if (tick >= 500) {
                    recorder.frame(1, "Bob", BOB, 2, tone(tick, 1000, 2), 0, 128);
                }
                recorder.endOfTick();
            }
            recorder.channelGone(1);
            recorder.serverIdle();
        }
        Path session = onlySession();
        assertThat(session.getFileName().toString()).isEqualTo("Jam-20261121-192218181");
        Path alice = session.resolve("____-127_0_0_1_32998-0-1.wav");
        Path bob = session.resolve("Bob_-192_168_1_x_5000-500-2.wav");
        assertThat(alice).exists();
        assertThat(bob).exists();
        assertWav(alice, 1, 1000 * 128, 440);
        assertWav(bob, 2, 500 * 128, 1000);

        String lof = Files.readString(session.resolve(session.getFileName() + ".lof"));
        assertThat(lof).contains("file \"____-127_0_0_1_32998-0-1.wav\" offset 0.00000000000000")
                .contains("file \"Bob_-192_168_1_x_5000-500-2.wav\" offset 1.33333333333333");
        String rpp = Files.readString(session.resolve(session.getFileName() + ".rpp"));
        assertThat(rpp).startsWith("<REAPER_PROJECT 0.1 \"5.0\" ")
                .contains("NAME Alice-127_0_0_1_32998").contains("NAME Bob_-192_168_1_x_5000")
                .contains("FILE \"" + bob.toAbsolutePath() + "\"")
                .contains("POSITION 1.33333333333333").contains("LENGTH 1.33333333333333");
    }

    @Test
    void headersAreValidWhileRecordingIsStillGoing() throws Exception {
        try (JamRecorder recorder = new JamRecorder(base, true, 128, CLOCK)) {
            for (int tick = 0; tick < 200; tick++) { // 200 × 128 = 25600 frames: several 4800-frame flushes
                recorder.frame(0, "Alice", ALICE, 1, tone(tick, 440, 1), 0, 128);
                recorder.endOfTick();
            }
            Path wav = awaitWav();
            awaitCondition(() -> framesIn(wav) >= 19_200);
            // the file is still open: a crash now would leave exactly this, and it parses
            assertThat(framesIn(wav)).isBetween(19_200L, 25_600L);
            assertThat(Files.size(wav)).isGreaterThanOrEqualTo(44 + framesIn(wav) * 2);
        }
    }

    @Test
    void noDirectoryMeansNotInitialisedAndNothingIsWritten() {
        try (JamRecorder recorder = new JamRecorder(null, true, 128, CLOCK)) {
            assertThat(recorder.state()).isEqualTo(RecorderState.NOT_INITIALISED);
            recorder.frame(0, "Alice", ALICE, 1, tone(0, 440, 1), 0, 128);
            recorder.setEnabled(true);
        }
    }

    @Test
    void aMissingDirectoryIsReportedNotThrown() {
        try (JamRecorder recorder = new JamRecorder(base.resolve("nope"), true, 128, CLOCK)) {
            assertThat(recorder.state()).isEqualTo(RecorderState.NOT_ENABLED);
            assertThat(recorder.errorMessage()).contains("does not exist");
        }
    }

    @Test
    void aDiskErrorTurnsRecordingOffAndKeepsWhatWasWritten() throws Exception {
        try (JamRecorder recorder = new JamRecorder(base, true, 128, CLOCK)) {
            for (int tick = 0; tick < 100; tick++) {
                recorder.frame(0, "Alice", ALICE, 1, tone(tick, 440, 1), 0, 128);
                recorder.endOfTick();
            }
            Path wav = awaitWav();
            // the session folder vanishes (unmounted disk, admin mistake): the next file cannot be created
            Path moved = base.resolve("moved");
            Files.move(wav.getParent(), moved);
            recorder.frame(1, "Bob", BOB, 1, tone(0, 440, 1), 0, 128);
            awaitCondition(() -> recorder.state() == RecorderState.NOT_ENABLED);
            assertThat(recorder.errorMessage()).startsWith("recording stopped");
            // later frames are ignored without error; the earlier file is complete and parses
            recorder.frame(0, "Alice", ALICE, 1, tone(0, 440, 1), 0, 128);
            assertWav(moved.resolve(wav.getFileName()), 1, 100 * 128, 440);
        }
    }

    @Test
    void disableAndNewSessionStartNewFolders() throws Exception {
        try (JamRecorder recorder = new JamRecorder(base, true, 128, new SteppingClock())) {
            feed(recorder, 10);
            recorder.newSession();
            awaitCondition(() -> recorder.currentSessionFolder() == null);
            feed(recorder, 10);
            recorder.setEnabled(false);
            awaitCondition(() -> recorder.state() == RecorderState.NOT_ENABLED);
            feed(recorder, 10); // ignored
            recorder.setEnabled(true);
            awaitCondition(() -> recorder.state() == RecorderState.RECORDING);
            feed(recorder, 10);
        }
        try (Stream<Path> s = Files.list(base)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("Jam-")).count()).isEqualTo(3);
        }
    }

    /**
     * Every server has a recorder, mostly not recording: its writer must then sleep until told, not poll (a 2-ms poll
     * cost an idle server 500 wake-ups and ~2 % of a core per second). While recording it drains the ring regularly.
     */
    @Test
    void aRecorderThatIsNotRecordingSleepsUntilToldOtherwise() throws Exception {
        try (JamRecorder recorder = new JamRecorder(null, true, 128, new SteppingClock())) {
            awaitCondition(() -> recorder.writerState() == Thread.State.WAITING);
            recorder.setDirectory(base);
            awaitCondition(() -> recorder.state() == RecorderState.RECORDING);
            awaitCondition(() -> recorder.writerState() == Thread.State.TIMED_WAITING);
            feed(recorder, 10);
            recorder.setEnabled(false);
            awaitCondition(() -> recorder.state() == RecorderState.NOT_ENABLED);
            awaitCondition(() -> recorder.writerState() == Thread.State.WAITING);
            recorder.setEnabled(true);
            awaitCondition(() -> recorder.state() == RecorderState.RECORDING);
            feed(recorder, 10);
        }
        try (Stream<Path> s = Files.list(base)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("Jam-")).count()).isEqualTo(2);
        }
    }

    private static void feed(JamRecorder recorder, int ticks) throws Exception {
        for (int tick = 0; tick < ticks; tick++) {
            recorder.frame(0, "Alice", ALICE, 1, tone(tick, 440, 1), 0, 128);
            recorder.endOfTick();
        }
        // control commands overtake queued frames, so let the writer drain before the next one
        awaitCondition(() -> recorder.pendingEvents() == 0);
    }

    /** Each session gets a later start time, so folder names differ. */
    private static final class SteppingClock extends Clock {
        private Instant now = CLOCK.instant();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    private Path onlySession() throws IOException {
        try (Stream<Path> s = Files.list(base)) {
            List<Path> all = s.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private Path awaitWav() throws Exception {
        Path[] found = new Path[1];
        awaitCondition(() -> {
            try (Stream<Path> s = Files.walk(base)) {
                found[0] = s.filter(p -> p.toString().endsWith(".wav")).min(Comparator.naturalOrder()).orElse(null);
                return found[0] != null;
            }
        });
        return found[0];
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitCondition(Condition c) {
        Await.until("the recorder's condition", Duration.ofSeconds(10), () -> {
            try {
                return c.holds();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static long framesIn(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Parses with the JDK's own WAV reader and checks format, length and pitch (zero crossings). */
    static void assertWav(Path wav, int channels, long frames, double hz) throws Exception {
        File file = wav.toFile();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file)) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo(48000f);
            assertThat(f.getChannels()).isEqualTo(channels);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(frames);
            byte[] data = in.readAllBytes();
            assertThat(data.length).isEqualTo(frames * channels * 2);
            int crossings = 0;
            short prev = 0;
            for (int i = 0; i < frames; i++) {
                int at = i * channels * 2;
                short v = (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
                if (i > 0 && (prev < 0) != (v < 0)) {
                    crossings++;
                }
                prev = v;
            }
            double measuredHz = crossings / 2.0 / (frames / 48000.0);
            assertThat(measuredHz).isCloseTo(hz, org.assertj.core.data.Offset.offset(hz * 0.02));
        }
    }
}
