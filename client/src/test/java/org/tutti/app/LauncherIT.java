package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tutti.testing.Await;

/** Runs the packaged {@code tutti.jar} as a user would: {@code java -jar client/target/tutti.jar ...}. */
class LauncherIT {
    private static final Path JAR = Path.of("target", "tutti.jar");

    record Result(int exitCode, String out, String err) {
    }

    static Result runJar(String... args) throws IOException, InterruptedException {
        return runJar(java.util.Map.of(), args);
    }

    static Result runJar(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        assertThat(JAR).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("tutti-out", ".txt");
        Path err = Files.createTempFile("tutti-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tutti.jar finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheWireVersionWithoutNativeAccessWarnings() throws Exception {
        Result r = runJar("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Tutti 3.9.1-tutti.");
        assertThat(r.err()).doesNotContain("WARNING");
    }

    @Test
    void unknownOptionExitsWithTwoAndAClearMessage() throws Exception {
        Result r = runJar("--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--bogus'").contains("--help");
    }

    @Test
    void helpListsJamulusOptions() throws Exception {
        Result r = runJar("-h");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--numchannels").contains("--jsonrpcport").contains("--clientname");
    }

    @Test
    void helpWithoutJackServerKeepsTheAudioLibrariesQuiet() throws Exception {
        // A server name nobody runs: JACK (and PortAudio's JACK host API) fail to connect, as on a machine without JACK.
        Result r = runJar(java.util.Map.of("JACK_DEFAULT_SERVER", "tutti-none-" + ProcessHandle.current().pid()),
                "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("jack");
        assertThat(r.err()).doesNotContain("Cannot connect to server").doesNotContain("ALSA lib")
                .doesNotContain("jack server is not running");
    }

    @Test
    void serverOptionWithoutServerModeIsRefused() throws Exception {
        Result r = runJar("-u", "20");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("only for the server");
    }

    @Test
    void questionMarkIsHelpAsInJamulus() throws Exception {
        Result r = runJar("-?");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: tutti").contains("--serverbindip4").contains("--noraw");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void jamulus312NamesAreAcceptedAndEachIneffectiveOneWarnsOnce() throws Exception {
        Result r = runJar("-s", "--noraw", "--noipv6", "--serverbindip4", "127.0.0.1", "--serverbindip6", "::1",
                "--startminimized", "--help");
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err().lines().toList()).containsExactly(
                "tutti: warning: --noipv6 is accepted for Jamulus compatibility but has no effect",
                "tutti: warning: --serverbindip6 is accepted for Jamulus compatibility but has no effect",
                "tutti: warning: --noraw is accepted for Jamulus compatibility but has no effect",
                "tutti: warning: --startminimized is accepted for Jamulus compatibility but has no effect");
    }

    @Test
    void clientOptionsWithoutEffectWarnOnceEach() throws Exception {
        Result r = runJar("-n", "--ctrlmidich", "1;f1*8", "--showallservers", "--showanalyzerconsole",
                "--cleanuplegacyfadersettings", "-Q", "100", "-6", "--mutemyown", "-j", "--help");
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err().lines().toList()).containsExactly(
                "tutti: warning: --qos is accepted for Jamulus compatibility but has no effect in the headless client",
                "tutti: warning: --enableipv6 is accepted for Jamulus compatibility but has no effect in the headless client",
                "tutti: warning: --showallservers is accepted for Jamulus compatibility but has no effect",
                "tutti: warning: --showanalyzerconsole is accepted for Jamulus compatibility but has no effect",
                "tutti: warning: --cleanuplegacyfadersettings is accepted for Jamulus compatibility but has no effect");
    }

    @Test
    void aServerStartedWithJamulus312NamesBindsWhereAskedAndWarnsOnce() throws Exception {
        int port;
        try (var probe = new java.net.DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Path out = Files.createTempFile("tutti-server", ".txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "-s", "-n", "--noraw", "--noipv6", "--serverbindip4", "127.0.0.1", "-p",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Await.holdsWithin(Duration.ofSeconds(30), () -> !p.isAlive() || ProcessOutput.read(out).contains("server on UDP port " + port));
            String text = Files.readString(out);
            assertThat(p.isAlive()).as("server running; output:%n%s", text).isTrue();
            assertThat(text).contains("server on UDP port " + port);
            assertThat(text.lines().filter(l -> l.contains("warning")).toList()).containsExactly(
                    "tutti: warning: --noipv6 is accepted for Jamulus compatibility but has no effect",
                    "tutti: warning: --noraw is accepted for Jamulus compatibility but has no effect");
            // --serverbindip4 is --serverbindip: the port is taken on 127.0.0.1 and free on another address.
            assertThat(udpPortFree("127.0.0.1", port)).as("127.0.0.1:%d taken by the server", port).isFalse();
            String other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                    .map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
            if (other != null) {
                assertThat(udpPortFree(other, port)).as("%s:%d left free", other, port).isTrue();
            }
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static boolean udpPortFree(String host, int port) {
        try (var s = new java.net.DatagramSocket(new java.net.InetSocketAddress(host, port))) {
            return true;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    @Test
    void theJarCarriesTheOpusLibrary() throws Exception {
        try (var zip = new java.util.zip.ZipFile(JAR.toFile())) {
            assertThat(zip.getEntry("native/linux-x86-64/libtuttiopus.so")).isNotNull();
        }
    }
}
