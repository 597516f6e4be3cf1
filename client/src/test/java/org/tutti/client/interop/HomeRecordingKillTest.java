package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.interop.DummyJack;
import org.tutti.interop.FreePorts;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.testing.Await;

/**
 * Recording at home survives a crash: the headless client ({@code -n}, JACK, JSON-RPC) runs in a child JVM connected
 * to the real Jamulus server, noise feeds its inputs, {@code jamulusclient/startRecording} starts a take, and after a
 * few seconds the child is SIGKILLed (no shutdown hook, no close). Both WAVs must parse with the JDK's reader, the
 * headers' sizes must be really on disk, the tracks must be equally long within one flush, and hold audio up to
 * within about a second of the kill.
 */
class HomeRecordingKillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledClientLeavesPlayableTakes() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Secrets secrets = Secrets.create(dir);
        int rpcPort = FreePorts.tcp();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path takes = dir.resolve("takes");
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10);
             AudioStream noise = TakeFiles.noiseBursts(jack.serverName(), "noise")) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                    "org.tutti.app.Main", "-n", "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Killed",
                    "--audiobackend", "jack", "-i", home.resolve("settings.json").toString(),
                    "--jsonrpcport", String.valueOf(rpcPort), "--jsonrpcsecretfile", secrets.file().toString()));
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.log").toFile());
            builder.environment().putAll(jack.env());
            Process child = builder.start();
            long killedAtNanos;
            long startedAtNanos;
            Path take;
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(30))) {
                String inputLeft = Await.value("the client's JACK ports", Duration.ofSeconds(30),
                        () -> port(jack.describePorts(), ":input left"), p -> p != null);
                // the ports are listed a moment before the client is activated and can be connected
                Await.until("noise wired in", Duration.ofSeconds(30), () -> wire(jack, "noise:output left", inputLeft));
                Await.until("noise wired in", Duration.ofSeconds(30),
                        () -> wire(jack, "noise:output right", inputLeft.replace("input left", "input right")));
                Await.until("connected", Duration.ofSeconds(30),
                        () -> rpc.call("jamulusclient/getClientList", Json.object()).has("result"));
                take = Path.of(rpc.result("jamulusclient/startRecording", Json.object("folder", takes.toString()))
                        .getAsJsonObject().get("folder").getAsString());
                startedAtNanos = System.nanoTime();
                assertThat(take.getParent()).isEqualTo(takes);
                Path own = take.resolve("own-input.wav");
                // a few seconds of take, as the running client's header says (it is patched while recording)
                Await.value("3 s in the header", Duration.ofSeconds(30), () -> headerFrames(own),
                        f -> f >= 3L * TakeFiles.RATE);
                Thread.sleep(630); // not just after a flush: at some point of the writer's 250 ms flush cycle
                child.destroyForcibly(); // SIGKILL on Linux
                killedAtNanos = System.nanoTime();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            short[] own = TakeFiles.left(take.resolve("own-input.wav"));
            short[] mix = TakeFiles.left(take.resolve("mix.wav"));
            double recordedSeconds = (killedAtNanos - startedAtNanos) / 1e9;
            System.out.printf("after SIGKILL: own-input %d frames, mix %d frames (%.2f s on disk, %.2f s recorded)%n",
                    own.length, mix.length, own.length / (double) TakeFiles.RATE, recordedSeconds);
            assertThat(Math.abs(own.length - mix.length)).as("tracks within one flush of each other")
                    .isLessThanOrEqualTo(TakeFiles.RATE / 4);
            assertThat(own.length / (double) TakeFiles.RATE).as("audio up to about a second before the kill")
                    .isGreaterThan(recordedSeconds - 1.0);
            assertThat(peak(own, own.length - TakeFiles.RATE, own.length)).as("the input in the last second")
                    .isGreaterThan(3000);
        }
    }

    private static boolean wire(DummyJack jack, String from, String to) {
        try {
            jack.connect(from, to);
            return true;
        } catch (IllegalStateException e) {
            return jack.describePorts().contains(from + "\n   " + to) || jack.describePorts().lines()
                    .dropWhile(l -> !l.equals(to)).skip(1).takeWhile(l -> l.startsWith(" ")).anyMatch(l -> l.strip()
                            .equals(from));
        }
    }

    private static long headerFrames(Path wav) {
        try {
            return Files.exists(wav) ? TakeFiles.headerFrames(wav) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The first port of {@code jack_lsp -c} output ending with {@code suffix} that is not the test's noise. */
    private static String port(String lsp, String suffix) {
        return lsp.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("\t") && l.endsWith(suffix))
                .filter(l -> !l.startsWith("noise:") && !l.startsWith("system:")).findFirst().orElse(null);
    }

    private static int peak(short[] s, int from, int to) {
        int p = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            p = Math.max(p, Math.abs(s[i]));
        }
        return p;
    }
}
