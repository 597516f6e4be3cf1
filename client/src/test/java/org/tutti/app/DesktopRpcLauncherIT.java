package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.app.ProcessOutput.awaitOrFail;
import static org.tutti.app.ProcessOutput.read;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.DummyJack;
import org.tutti.interop.FreePorts;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ServerConfig;

/**
 * The packaged desktop app (real window on the test's X display, JACK on a dummy jackd) with Jamulus's JSON-RPC
 * options, through the real launcher: a script renames the musician over TCP and the server sees the new name; a
 * secret shorter than 16 characters ends the app at once with the reason, as Jamulus does. (What JSON-RPC does to
 * the window itself is {@code DesktopRpcIT}'s part, in-process where the window can be read.)
 */
class DesktopRpcLauncherIT {
    private static final Path JAR = Path.of("target", "tutti.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aScriptRenamesTheMusicianOfTheDesktopApp() throws Exception {
        Peers.require(Peers.JACKD);
        assertThat(JAR).exists();
        assertThat(System.getenv("DISPLAY")).as("an X display (run under xvfb-run)").isNotBlank();
        Secrets secrets = Secrets.create(dir);
        int rpcPort = FreePorts.tcp();
        try (DummyJack jack = DummyJack.start(dir);
             PrintStream serverLog = new PrintStream(Files.newOutputStream(dir.resolve("server.log")), true,
                     StandardCharsets.UTF_8);
             HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 10), null, serverLog)) {
            Path out = dir.resolve("app.log");
            Process app = launch(jack, out, "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Before",
                    "--audiobackend", "jack", "--jsonrpcport", String.valueOf(rpcPort), "--jsonrpcsecretfile",
                    secrets.file().toString());
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(30))) {
                awaitOrFail(() -> named(server, "Before"), Duration.ofSeconds(30), "server lists Before", out);
                rpc.result("jamulusclient/setName", Json.object("name", "After"));
                awaitOrFail(() -> named(server, "After"), Duration.ofSeconds(10), "server lists After", out);
                assertThat(rpc.result("jamulusclient/getClientList", Json.object()).toString()).contains("After");
                assertThat(read(out)).contains("JSON-RPC: listening on 127.0.0.1:" + rpcPort)
                        .doesNotContain("has no effect");
            } finally {
                app.toHandle().destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void aShortSecretEndsTheAppWithTheReason() throws Exception {
        assertThat(JAR).exists();
        Path secret = Files.writeString(dir.resolve("short.txt"), "too-short\n");
        Path out = dir.resolve("short.log");
        Process app = launch(null, out, "--jsonrpcport", String.valueOf(FreePorts.tcp()), "--jsonrpcsecretfile",
                secret.toString());
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("exits by itself; output:%n%s", read(out)).isTrue();
        assertThat(app.exitValue()).isEqualTo(1);
        assertThat(read(out)).contains("tutti: JSON-RPC secret in " + secret + " is too short: it needs at least 16");
    }

    private static boolean named(HeadlessServer server, String name) {
        return server.engine().clients().stream().anyMatch(c -> c.info() != null && name.equals(c.info().name()));
    }

    private Process launch(DummyJack jack, Path out, String... args) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home-" + out.getFileName()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", JAR.toString(), "-i", home.resolve("settings.json").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        if (jack != null) {
            builder.environment().putAll(jack.env());
        }
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        return builder.start();
    }
}
