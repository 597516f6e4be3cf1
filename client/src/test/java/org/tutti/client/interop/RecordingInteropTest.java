package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import static org.tutti.client.interop.ClientInteropTest.clientNamed;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
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
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.interop.ToneSource;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * A Tutti server with {@code -R} records a session played by a real Jamulus 3.9.1 client and a Tutti client: one WAV
 * per musician that parses and carries that musician's tone, and Audacity/REAPER indexes that reference the files.
 */
class RecordingInteropTest {
    /** jack_simple_client plays a 200-sample wave table: 240 Hz at 48 kHz. */
    private static final double REAL_CLIENT_HZ = 240;
    /** {@link JackTone#generator} plays 440 Hz. */
    private static final double TUTTI_CLIENT_HZ = 440;

    @TempDir
    Path dir;

    @Test
    void aSessionFromARealJamulusClientAndATuttiClientIsRecorded() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Secrets secrets = Secrets.create(dir);
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "-u", "10", "-R", recordings.toString());
        try (DummyJack jack = DummyJack.start(dir);
             PrintStream log = new PrintStream(OutputStream.nullOutputStream());
             HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options),
                     new HeadlessServer.RpcSettings(0, secrets.file(), null), log, options);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5))) {
            String address = "127.0.0.1:" + server.udpPort();
            AudioStream tuttiTone = JackTone.generator(jack.serverName(), "tone440", 0.5f);
            try (JamulusClient real = JamulusClient.start(dir, jack, address, "real");
                 ToneSource realTone = ToneSource.start(jack, "tone240", dir);
                 ClientEngine tutti = new ClientEngine(ClientOptions.defaults(new JackBackendProvider(), "TuttiBot")
                         .withAudio(jack.serverName(), 128, false), new ClientListener() { })) {
                real.rpc().result("jamulusclient/setName", Json.object("name", "RealBot"));
                realTone.connectTo(real.inputPorts());
                tutti.connect(address).get(10, TimeUnit.SECONDS);
                jack.connect("tone440:output left", "TuttiBot:input left");
                jack.connect("tone440:output right", "TuttiBot:input right");
                Await.until("both musicians on the server", Duration.ofSeconds(20),
                        () -> clientNamed(rpc, "RealBot") != null && clientNamed(rpc, "TuttiBot") != null);
                assertThat(rpc.result("jamulusserver/getRecorderStatus", new com.google.gson.JsonObject())
                        .getAsJsonObject().get("enabled").getAsBoolean()).isTrue();
                Thread.sleep(4000); // four seconds of both playing
                tutti.disconnect().get(5, TimeUnit.SECONDS);
            } finally {
                tuttiTone.close();
            }
        }
        // the server is closed: the session is finished and its indexes written
        Path session;
        try (Stream<Path> s = Files.list(recordings)) {
            List<Path> sessions = s.filter(p -> p.getFileName().toString().startsWith("Jam-")).toList();
            assertThat(sessions).as("one session folder").hasSize(1);
            session = sessions.getFirst();
        }
        List<Path> wavs;
        try (Stream<Path> s = Files.list(session)) {
            wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertThat(wavs).as("one WAV per musician: " + wavs).hasSize(2);
        String rpp = Files.readString(session.resolve(session.getFileName() + ".rpp"));
        String lof = Files.readString(session.resolve(session.getFileName() + ".lof"));
        assertThat(rpp).contains("NAME RealBot-127_0_0_1_").contains("NAME TuttiBot-127_0_0_1_");
        StringBuilder heard = new StringBuilder();
        boolean heardReal = false;
        boolean heardTutti = false;
        for (Path wav : wavs) {
            assertThat(rpp).contains("FILE \"" + wav.toAbsolutePath() + "\"");
            assertThat(lof).contains("file \"" + wav.getFileName() + "\" offset ");
            double[] share = toneShare(wav.toFile());
            heard.append(String.format(" %s: 240 Hz in %.0f %% of its loud windows, 440 Hz in %.0f %%;",
                    wav.getFileName(), share[0] * 100, share[1] * 100));
            heardReal |= share[0] >= 0.5 && share[1] < 0.1;
            heardTutti |= share[1] >= 0.5 && share[0] < 0.1;
        }
        System.out.println("Recorded:" + heard);
        assertThat(heardReal).as("the real client's 240 Hz tone in one WAV:" + heard).isTrue();
        assertThat(heardTutti).as("the Tutti client's 440 Hz tone in the other:" + heard).isTrue();
    }

    /** 100 ms: a whole number of cycles of both tones, so each window's tone power is exact. */
    private static final int WINDOW_FRAMES = 4800;

    /**
     * Parses with the JDK's WAV reader; of the loud 100-ms windows of the first channel's second half (well after
     * identification and start-up), the shares in which {@link #REAL_CLIENT_HZ} and {@link #TUTTI_CLIENT_HZ} carry most
     * of the energy. Per window, so a dropout or a concealed frame on a busy machine costs one window, not the verdict.
     */
    private static double[] toneShare(File wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav)) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(48_000f);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            int channels = in.getFormat().getChannels();
            byte[] data = in.readAllBytes();
            int frames = data.length / (2 * channels);
            assertThat(frames).as(wav.getName() + " has at least a second of audio").isGreaterThan(48_000);
            double[] window = new double[WINDOW_FRAMES];
            int loudWindows = 0;
            int realWindows = 0;
            int tuttiWindows = 0;
            for (int first = frames / 2; first + WINDOW_FRAMES <= frames; first += WINDOW_FRAMES) {
                double energy = 0;
                for (int i = 0; i < WINDOW_FRAMES; i++) {
                    int at = (first + i) * channels * 2;
                    window[i] = (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
                    energy += window[i] * window[i];
                }
                if (energy / WINDOW_FRAMES < 300.0 * 300.0) {
                    continue; // quieter than -40 dBFS RMS: a gap, not a tone
                }
                loudWindows++;
                realWindows += tonePower(window, REAL_CLIENT_HZ) > 0.5 * energy ? 1 : 0;
                tuttiWindows += tonePower(window, TUTTI_CLIENT_HZ) > 0.5 * energy ? 1 : 0;
            }
            assertThat(loudWindows).as(wav.getName() + " is not silent").isGreaterThan(2);
            return new double[] {realWindows / (double) loudWindows, tuttiWindows / (double) loudWindows};
        }
    }

    /** The energy of the window at {@code hz} (a single-bin DFT): the whole energy for a pure tone at that pitch. */
    private static double tonePower(double[] window, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < window.length; i++) {
            double phase = 2 * Math.PI * hz * i / 48_000.0;
            re += window[i] * Math.cos(phase);
            im += window[i] * Math.sin(phase);
        }
        return 2 * (re * re + im * im) / window.length;
    }
}
