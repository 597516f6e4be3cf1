package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.codec.OpusQuality;
import org.tutti.testing.Await;

/**
 * Recording at home on the deterministic fake card, in the sound check: the own-input track is the input after the
 * input law (boost, balance, channel mode) sample for sample, the mix track is what the card played, both equally
 * long; the audio callback allocates nothing while recording; two takes in one second get two folders.
 */
class HomeRecorderTest {
    @TempDir
    Path dir;

    private static final class Card extends FakeBackendProvider {
        volatile FakeStream last;

        @Override
        public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
            FakeStream s = super.open(request, callback);
            last = s;
            return s;
        }
    }

    private static ClientEngine engine(Card card) throws Exception {
        return engine(card, new ClientListener() { });
    }

    private static ClientEngine engine(Card card, ClientListener listener) throws Exception {
        ClientEngine engine = new ClientEngine(ClientOptions.defaults(card, "Home"), listener);
        engine.setStreamFormat(OpusQuality.NORMAL, ChannelMode.STEREO, true);
        engine.setInputBoost(2);
        engine.setInputPan(20);
        engine.setSoundCheck(true);
        engine.setHearMyself(true);
        engine.channels().get(5, TimeUnit.SECONDS); // the control thread ran the commands above
        card.last.setInput((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                in[0][i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * (index + i) / 48_000));
                in[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * 660 * (index + i) / 48_000));
            }
        });
        return engine;
    }

    @Test
    void theTracksAreTheInputAfterTheInputLawAndThePlayedMix() throws Exception {
        Card card = new Card();
        try (ClientEngine engine = engine(card)) {
            Path take = engine.startRecording(dir);
            FakeStream s = card.last;
            float[][] expectedOut = new float[2][128 * 100];
            for (int c = 0; c < 100; c++) {
                s.runCycles(1);
                System.arraycopy(s.lastOutput(0), 0, expectedOut[0], c * 128, 128);
                System.arraycopy(s.lastOutput(1), 0, expectedOut[1], c * 128, 128);
            }
            assertThat(engine.stopRecording()).isEqualTo(take);
            short[] own = samples(take.resolve(HomeRecorder.OWN_INPUT_FILE));
            short[] mix = samples(take.resolve(HomeRecorder.MIX_FILE));
            assertThat(own).hasSameSizeAs(mix).hasSize(2 * 128 * 100);
            float pan = InputMix.panPosition(20);
            for (int i = 0; i < 128 * 100; i++) {
                short l = InputMix.boost(InputMix.fromCard((float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 48_000))), 2);
                short r = InputMix.boost(InputMix.fromCard((float) (0.2 * Math.sin(2 * Math.PI * 660 * i / 48_000))), 2);
                assertThat(own[2 * i]).as("own left %d", i)
                        .isEqualTo(InputMix.side(l, InputMix.leftGain(pan, ChannelMode.STEREO)));
                assertThat(own[2 * i + 1]).as("own right %d", i)
                        .isEqualTo(InputMix.side(r, InputMix.rightGain(pan, ChannelMode.STEREO)));
                assertThat(mix[2 * i]).as("mix left %d", i).isEqualTo(RecordingTap.toPcm16(expectedOut[0][i]));
                assertThat(mix[2 * i + 1]).as("mix right %d", i).isEqualTo(RecordingTap.toPcm16(expectedOut[1][i]));
            }
            // hear myself: the played mix is the recorded own input
            assertThat(mix).isEqualTo(own);
        }
    }

    @Test
    void theAudioCallbackDoesNotAllocateWhileRecording() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Card card = new Card();
        try (ClientEngine engine = engine(card)) {
            engine.startRecording(dir);
            HomeRecorder r = engine.recording();
            FakeStream s = card.last;
            for (int b = 1; b <= 6; b++) { // warm up: class loading, JIT
                s.runCycles(500);
                long expected = 500L * b * 128;
                Await.until("the writer caught up", Duration.ofSeconds(20), () -> r.framesWritten() == expected);
            }
            long allocated = 0;
            int batches = 20;
            for (int b = 0; b < batches; b++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                s.runCycles(500); // 64,000 frames: fits the tap, so every cycle is really recorded
                allocated += threads.getCurrentThreadAllocatedBytes() - before;
                long expected = (3000L + 500L * (b + 1)) * 128;
                Await.until("the writer caught up", Duration.ofSeconds(20), () -> r.framesWritten() == expected);
            }
            assertThat(r.droppedFrames()).isZero();
            assertThat((double) allocated / (batches * 500)).as("bytes allocated per cycle").isLessThan(1.0);
            engine.stopRecording();
        }
    }

    @Test
    void twoTakesInOneSecondGetTwoFolders() throws Exception {
        Card card = new Card();
        try (ClientEngine engine = engine(card)) {
            Path first = engine.startRecording(dir);
            Path second = engine.startRecording(dir); // ends the first
            engine.stopRecording();
            assertThat(second).isNotEqualTo(first);
            assertThat(first.resolve(HomeRecorder.MIX_FILE)).exists();
            assertThat(second.resolve(HomeRecorder.OWN_INPUT_FILE)).exists();
            assertThat(engine.stopRecording()).as("nothing left to stop").isNull();
        }
    }

    @Test
    void aFullDiskEndsTheTakeKeepsItPlayableAndTellsTheListener() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString());
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root): full-disk test skipped");
        }
        assertThat(mounted).as("mount a 256 KiB tmpfs (CI runs as root)").isTrue();
        try {
            Card card = new Card();
            AtomicReference<String> failure = new AtomicReference<>();
            try (ClientEngine engine = engine(card, new ClientListener() {
                @Override
                public void homeRecordingFailed(Path take, String reason) {
                    failure.set(take + ": " + reason);
                }
            })) {
                Path take = engine.startRecording(disk);
                // 384 KB of audio a second for both files: the disk is full within a second
                Await.until("the writer gives up", Duration.ofSeconds(30), () -> {
                    card.last.runCycles(50);
                    return failure.get() != null;
                });
                System.out.println("full disk: " + failure.get());
                assertThat(failure.get()).startsWith(take.toString());
                assertThat(engine.recording()).as("the take ended").isNull();
                short[] own = samples(take.resolve(HomeRecorder.OWN_INPUT_FILE));
                short[] mix = samples(take.resolve(HomeRecorder.MIX_FILE));
                assertThat(own.length).isPositive();
                assertThat(mix.length).isPositive();
            }
        } finally {
            if (mounted) {
                run("umount", disk.toString());
            }
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Interleaved 16-bit samples as the JDK's WAV reader sees them. */
    private static short[] samples(Path wav) throws Exception {
        File f = wav.toFile();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f)) {
            assertThat(in.getFormat().getChannels()).isEqualTo(2);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFormat().getSampleRate()).isEqualTo(48_000f);
            byte[] data = in.readAllBytes();
            short[] s = new short[data.length / 2];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
            return s;
        }
    }
}
