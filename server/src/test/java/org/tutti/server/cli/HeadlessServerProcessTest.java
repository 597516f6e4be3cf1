package org.tutti.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.FreePorts;
import org.tutti.interop.Json;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.server.engine.ScriptedClientAccess;
import org.tutti.testing.Await;

/**
 * The headless server as a process with Jamulus's options: -w from a file, -l log, -m HTML status, -d, JSON-RPC;
 * SIGTERM stops it cleanly (exit 0), tells every client (CLM_DISCONNECTION) and marks the status file.
 */
class HeadlessServerProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void runsWithJamulusOptionsAndStopsCleanlyOnSigterm() throws Exception {
        int port = FreePorts.udp();
        int rpcPort = FreePorts.tcp();
        Secrets secrets = Secrets.create(dir);
        Path welcome = Files.writeString(dir.resolve("welcome.html"), "Welcome to <b>Tutti</b>!");
        Path log = dir.resolve("server.log");
        Path html = dir.resolve("status.html");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ServerMainForTests.class.getName(),
                "-s", "-n", "-p", Integer.toString(port), "-u", "5", "-d", "-w", welcome.toString(),
                "-l", log.toString(), "-m", html.toString(), "-o", "Test Server;Town;82",
                "--jsonrpcport", Integer.toString(rpcPort), "--jsonrpcsecretfile", secrets.file().toString());
        try (ManagedProcess server = ManagedProcess.start("tutti server", command, Map.of(), dir.resolve("process.log"));
             RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(20));
             ScriptedClientAccess client = new ScriptedClientAccess(port)) {
            var profile = rpc.result("jamulusserver/getServerProfile", Json.object()).getAsJsonObject();
            assertThat(profile.get("name").getAsString()).isEqualTo("Test Server");
            assertThat(profile.get("countryId").getAsInt()).isEqualTo(82);
            assertThat(profile.get("welcomeMessage").getAsString()).isEqualTo("Welcome to <b>Tutti</b>!");

            client.connect();
            assertThat(client.await(ConnectedMessage.ChatText.class, WAIT))
                    .isEqualTo(new ConnectedMessage.ChatText("<b>Server Welcome Message:</b> Welcome to <b>Tutti</b>!"));
            client.send(new ConnectedMessage.ChannelInfos(new ChannelInfo(0, 0, 0, "Zoë <3", "")));
            awaitFile(html, "<ul>\n  <li>Zoë &lt;3</li>\n</ul>\n");
            assertThat(Files.readString(log)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, 127.0.0.1, connected \\(1\\)\n");

            server.close(); // SIGTERM, then wait
            assertThat(server.waitFor(10)).as("exit code after SIGTERM").isZero();
            assertThat(client.await(ConnectionlessMessage.Disconnection.class, WAIT)).as("CLM_DISCONNECTION (-d)").isNotNull();
            assertThat(Files.readString(html)).isEqualTo("  Server terminated\n");
        }
    }

    /**
     * The exit path for systemd (issue #10): a crash loop of the engine ends the process with status 70 and a clear
     * line, the port is released, and nothing hangs on the way out (the exit starts on the engine's event thread while
     * the shutdown hook closes the same server).
     */
    @Test
    void aCrashLoopOfTheEngineExitsWithStatus70() throws Exception {
        int port = FreePorts.udp();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashLoopServerForTests.class.getName(),
                "-s", "-n", "-p", Integer.toString(port), "-u", "5");
        try (ManagedProcess server = ManagedProcess.start("tutti server", command, Map.of(), dir.resolve("crash.log"))) {
            int status = server.waitFor(60);
            assertThat(status).as("exit status; log:%n%s", server.logText()).isEqualTo(HeadlessServer.EXIT_ENGINE_FAILED);
            assertThat(server.logText()).contains("the server engine failed repeatedly (java.lang.StackOverflowError");
            try (java.net.DatagramSocket again = new java.net.DatagramSocket(
                    new java.net.InetSocketAddress("127.0.0.1", port))) {
                assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
            }
        }
    }

    private static void awaitFile(Path file, String expected) {
        Await.value(file + " to read " + expected, WAIT, () -> read(file), expected::equals);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
