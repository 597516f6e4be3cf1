package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app checks the JSON-RPC options as Jamulus does, before any window opens: a short secret or a port
 * without a secret file ends the program with the reason, and the options are no longer called "without effect".
 */
class DesktopRpcOptionsTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aShortSecretEndsTheDesktopAppWithTheReason() throws Exception {
        Path secret = Files.writeString(dir.resolve("short.txt"), "fifteen-chars!!\n");
        Outcome o = run("--jsonrpcport", "0", "--jsonrpcsecretfile", secret.toString(), "-i",
                dir.resolve("s.json").toString());
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("tutti: JSON-RPC secret in " + secret + " is too short")
                .contains("at least 16 characters").doesNotContain("has no effect");
    }

    @Test
    void aPortWithoutASecretFileIsAUsageError() {
        Outcome o = run("--jsonrpcport", "0", "-i", dir.resolve("s.json").toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(o.err()).contains("--jsonrpcport needs --jsonrpcsecretfile").doesNotContain("has no effect");
    }

    @Test
    void aMissingSecretFileIsNamed() {
        Path missing = dir.resolve("missing.txt");
        Outcome o = run("--jsonrpcport", "0", "--jsonrpcsecretfile", missing.toString());
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains(missing.toString());
    }
}
