package org.tutti.app;

import static org.tutti.app.ProcessOutput.awaitOrFail;
import static org.tutti.app.ProcessOutput.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;
import org.tutti.interop.ToneSource;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerPeek;

/**
 * The packaged desktop app (a real window on the test's X display, JACK on a dummy jackd) started with Jamulus's
 * client options, against an in-process server: each option must show where Jamulus shows it (the server's client
 * list, the JACK graph, the window title, the stream the server receives, the mix the client asks for). A second run
 * without the options is the control: the same observations come out the other way, so none of them passes by itself.
 */
class DesktopOptionsIT {
    private static final Path JAR = Path.of("target", "tutti.jar").toAbsolutePath();
    /** Level lists and meters settle within a few 269 ms level periods; 3 s leaves room for a loaded machine. */
    private static final Duration LEVEL_WATCH = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void clientOptionsTakeEffectInTheDesktopApp() throws Exception {
        Peers.require(Peers.JACKD);
        assertThat(JAR).exists();
        assertThat(System.getenv("DISPLAY")).as("an X display (run under xvfb-run)").isNotBlank();
        Path settings = dir.resolve("given.json");
        Files.writeString(settings, "{\"profile\": {\"name\": \"FromIni\", \"city\": \"Inifield\"}}");
        try (DummyJack jack = DummyJack.start(dir);
             ToneSource tone = ToneSource.start(jack, "tone", dir);
             PrintStream serverLog = new PrintStream(Files.newOutputStream(dir.resolve("server.log")), true,
                     StandardCharsets.UTF_8);
             HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 10), null, serverLog)) {
            String address = "127.0.0.1:" + server.udpPort();

            // With the options: -i's profile (city) under --clientname's name, ports left alone, silent, own fader 0.
            Process zed = launch(jack, "with", "-i", settings.toString(), "-c", address, "--clientname", "Zed", "-M",
                    "--mutemyown", "-j", "--audiobackend", "jack");
            Path zedOut = dir.resolve("with.log");
            try {
                ClientSnapshot me = awaitClient(server, "Zed", zed, zedOut);
                assertThat(me.info().city()).as("city from the -i file").isEqualTo("Inifield");
                awaitOrFail(() -> windowTitles().contains("\"Tutti - Zed\""), Duration.ofSeconds(10),
                        "window titled 'Tutti - Zed'", zedOut);
                awaitOrFail(() -> jack.describePorts().contains("Zed:input left"), Duration.ofSeconds(10),
                        "JACK client named Zed", zedOut);
                String ports = jack.describePorts();
                assertThat(connectionsOf(ports, "Zed:input left")).as("-j: no automatic connections%n%s", ports)
                        .isEmpty();
                assertThat(connectionsOf(ports, "Zed:output left")).as("-j: no automatic connections%n%s", ports)
                        .isEmpty();
                tone.connectTo(List.of("Zed:input left", "Zed:input right"));
                assertThat(maxLevel(server, me.id())).as("-M: the server hears silence from Zed").isZero();
                awaitOrFail(() -> ServerPeek.gain(server.engine(), me.id(), me.id()) == 0f, Duration.ofSeconds(5),
                        "--mutemyown: Zed's own gain 0 in Zed's mix", zedOut);
            } finally {
                stop(zed);
            }

            // The control: same file, no options. The profile's own name, JACK's "Tutti" connected, sound, unity.
            Process plain = launch(jack, "without", "-i", settings.toString(), "-c", address, "--audiobackend", "jack");
            Path plainOut = dir.resolve("without.log");
            try {
                ClientSnapshot me = awaitClient(server, "FromIni", plain, plainOut);
                awaitOrFail(() -> windowTitles().contains("\"Tutti\""), Duration.ofSeconds(10),
                        "window titled 'Tutti'", plainOut);
                awaitOrFail(() -> !connectionsOf(jack.describePorts(), "Tutti:input left").isEmpty(),
                        Duration.ofSeconds(10), "Tutti's input connected automatically", plainOut);
                tone.connectTo(List.of("Tutti:input left", "Tutti:input right"));
                assertThat(maxLevel(server, me.id())).as("unmuted: the server hears the tone").isPositive();
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // a late gain message would show by now
                assertThat(ServerPeek.gain(server.engine(), me.id(), me.id())).as("own gain without --mutemyown")
                        .isEqualTo(1f);
            } finally {
                stop(plain);
            }
        }
    }

    private Process launch(DummyJack jack, String name, String... args) throws IOException {
        // A private home: the app's preferences and default settings must not touch the user's.
        Path home = Files.createDirectories(dir.resolve("home-" + name));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(jack.env());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        return builder.start();
    }

    private static ClientSnapshot awaitClient(HeadlessServer server, String name, Process app, Path out) {
        awaitOrFail(() -> find(server, name).isPresent() || !app.isAlive(), Duration.ofSeconds(30),
                "server lists " + name, out);
        assertThat(app.isAlive()).as("desktop app alive; output:%n%s", read(out)).isTrue();
        return find(server, name).orElseThrow();
    }

    private static Optional<ClientSnapshot> find(HeadlessServer server, String name) {
        return server.engine().clients().stream().filter(c -> c.info() != null && name.equals(c.info().name()))
                .findFirst();
    }

    /** The highest level the server measures on the channel over {@link #LEVEL_WATCH}. */
    private static int maxLevel(HeadlessServer server, int channelId) {
        int max = 0;
        long end = System.nanoTime() + LEVEL_WATCH.toNanos();
        while (System.nanoTime() < end) {
            max = Math.max(max, ServerPeek.wireLevel(server.engine(), channelId));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return max;
    }

    /** The ports {@code port} is connected to, from {@code jack_lsp -c} output (connections indented below it). */
    static List<String> connectionsOf(String lsp, String port) {
        List<String> result = new ArrayList<>();
        boolean inside = false;
        for (String line : lsp.split("\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                inside = line.equals(port);
            } else if (inside && !line.isBlank()) {
                result.add(line.strip());
            }
        }
        return result;
    }

    /** The names of all windows on the display ({@code xwininfo -root -tree}), quoted as xwininfo prints them. */
    private static String windowTitles() {
        try {
            Process p = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Process app) throws InterruptedException {
        app.toHandle().destroy(); // SIGTERM: the shutdown hook closes JACK and leaves the server
        if (!app.waitFor(20, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
