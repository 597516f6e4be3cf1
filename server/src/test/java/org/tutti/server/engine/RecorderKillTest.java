package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.protocol.AudioCodec;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.testing.Await;

/**
 * Recorder durability (issue #10): the headless server with {@code -R} runs in a child JVM, a musician streams a
 * tone into it, and the child is SIGKILLed mid-session. Every WAV it leaves must parse with the JDK's own reader
 * and hold audio: the recorder keeps headers valid while writing, so a crash loses at most the unflushed tail.
 */
class RecorderKillTest {

    /** The child: the real headless server entry point. */
    public static void main(String[] args) throws Exception {
        System.exit(HeadlessServer.run(JamulusOptions.parse(args), System.out, System.err));
    }

    @Test
    void sigkillMidSessionLeavesPlayableWavs(@TempDir Path dir) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecorderKillTest.class.getName(), "-s", "-n", "-p", String.valueOf(port), "-R", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            AudioTestClient musician = connectWithRetry(port);
            try (musician) {
                musician.play(8000, false);
                awaitWavBytes(dir, 100_000);
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            child.destroyForcibly();
        }
        List<Path> wavs = wavs(dir);
        assertThat(wavs).as("WAVs left by the killed server").isNotEmpty();
        for (Path wav : wavs) {
            File f = wav.toFile();
            try (AudioInputStream in = AudioSystem.getAudioInputStream(f)) {
                long frames = in.getFrameLength();
                byte[] data = in.readAllBytes();
                assertThat(frames).as("%s frames", wav.getFileName()).isPositive();
                assertThat(data.length).as("%s: header's data size is really there", wav.getFileName())
                        .isEqualTo(frames * in.getFormat().getFrameSize());
                System.out.printf("after SIGKILL: %s valid, %d frames (%.1f s) of %d bytes on disk%n",
                        wav.getFileName(), frames, frames / 48000.0, f.length());
            }
        }
    }

    private static AudioTestClient connectWithRetry(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a loaded machine starts JVMs slowly
        while (true) {
            try {
                return new AudioTestClient(port, AudioCodec.OPUS64, 1, 22, "kill-test");
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitWavBytes(Path dir, long bytes) {
        Await.value("a recording of " + bytes + " bytes", Duration.ofSeconds(30), () -> wavBytes(dir), n -> n >= bytes);
    }

    private static long wavBytes(Path dir) {
        try {
            return wavs(dir).stream().mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> wavs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".wav")).toList();
        }
    }
}
