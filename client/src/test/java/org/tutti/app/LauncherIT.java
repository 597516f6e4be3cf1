package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
    void theJarCarriesTheOpusLibrary() throws Exception {
        try (var zip = new java.util.zip.ZipFile(JAR.toFile())) {
            assertThat(zip.getEntry("native/linux-x86-64/libtuttiopus.so")).isNotNull();
        }
    }
}
