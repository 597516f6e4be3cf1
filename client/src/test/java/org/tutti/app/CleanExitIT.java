package org.tutti.app;

import static org.tutti.app.ProcessOutput.awaitOrFail;
import static org.tutti.app.ProcessOutput.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ServerConfig;

/**
 * The packaged headless client on JACK, connected and streaming, stopped with SIGTERM: it must leave the server and
 * close JACK before the JVM exits. Before the fix JACK cancelled its process thread inside the JVM, which died in
 * jni_DetachCurrentThread (SIGSEGV, hs_err_pid*.log) or aborted on a corrupt heap.
 */
class CleanExitIT {
    private static final Path JAR = Path.of("target", "tutti.jar").toAbsolutePath();
    private static final int STOPS = 20;
    /** What the JVM returns after SIGTERM (128 + 15), or 0 if the launcher got to exit by itself. */
    private static final List<Integer> SIGTERM_EXIT_CODES = List.of(143, 0);

    @TempDir
    Path dir;

    @Test
    void aStreamingJackClientStoppedWithSigtermExitsCleanlyEveryTime() throws Exception {
        Peers.require(Peers.JACKD);
        assertThat(JAR).exists();
        Secrets secrets = Secrets.create(dir);
        try (DummyJack jack = DummyJack.start(dir);
             PrintStream serverLog = new PrintStream(Files.newOutputStream(dir.resolve("server.log")), true,
                     StandardCharsets.UTF_8);
             HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 20),
                     new HeadlessServer.RpcSettings(0, secrets.file(), null), serverLog);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(),
                     Duration.ofSeconds(5))) {
            for (int stop = 1; stop <= STOPS; stop++) {
                Path work = Files.createDirectories(dir.resolve("client-" + stop));
                Path out = work.resolve("out.log");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-jar", JAR.toString(), "-n", "-c", "127.0.0.1:" + server.udpPort(),
                        "--clientname", "exit" + stop, "--audiobackend", "jack", "-i", work.resolve("client.ini")
                        .toString())
                        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
                builder.environment().putAll(jack.env());
                Process client = builder.start();
                try {
                    String name = "exit" + stop;
                    // "connected" is printed on the first audio from the server, which made our channel from
                    // our audio: both directions stream.
                    awaitOrFail(() -> read(out).contains("- connected, channel") || !client.isAlive(),
                            Duration.ofSeconds(30), "client " + stop + " connected", out);
                    assertThat(client.isAlive()).as("client %d alive; output:%n%s", stop, read(out)).isTrue();
                    awaitOrFail(() -> clientNames(rpc).contains(name), Duration.ofSeconds(10),
                            "server lists " + name, out);

                    client.toHandle().destroy(); // SIGTERM
                    assertThat(client.waitFor(20, TimeUnit.SECONDS)).as("client %d ended after SIGTERM", stop).isTrue();
                    String output = read(out);
                    assertThat(client.exitValue()).as("exit status of stop %d; output:%n%s", stop, output)
                            .isIn(SIGTERM_EXIT_CODES);
                    assertThat(output).as("output of stop %d", stop)
                            .doesNotContain("SIGSEGV").doesNotContain("A fatal error").doesNotContain("corruption");
                    try (Stream<Path> files = Files.list(work)) {
                        assertThat(files.map(p -> p.getFileName().toString()))
                                .as("files left by stop %d", stop).noneMatch(f -> f.startsWith("hs_err_pid"));
                    }
                    // It said goodbye (CLM_DISCONNECTION) instead of timing out on the server.
                    awaitOrFail(() -> !clientNames(rpc).contains(name), Duration.ofSeconds(5),
                            "server dropped " + name, out);
                } finally {
                    if (client.isAlive()) {
                        client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    private static List<String> clientNames(RpcTestClient rpc) {
        JsonArray clients = rpc.result("jamulusserver/getClients", new JsonObject()).getAsJsonObject()
                .getAsJsonArray("clients");
        return clients.asList().stream().map(c -> c.getAsJsonObject().get("name").getAsString()).toList();
    }
}
