package org.tutti.buildscripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.Peers;

/**
 * scripts/test-peers.sh, the check run-tests makes before any test: a user who cannot install a missing package
 * is stopped at once with the one command that installs it; with everything installed the check does not run apt.
 */
class TestPeersCheckTest {
    private static final String ABSENT = "tutti-test-no-such-package";

    @TempDir
    Path tmp;

    @Test
    void aUserWhoCannotInstallAMissingPackageIsStoppedWithTheCommandThatInstallsIt() throws Exception {
        Path script = Shell.readableCopy(tmp, "test-peers.sh");

        Shell.Result result = Shell.runUnprivileged(Map.of("TUTTI_TEST_PEERS_EXTRA", ABSENT), "bash", script.toString());

        assertThat(result.exit()).as(result.output()).isNotZero();
        List<String> commands = result.lines().stream()
                .filter(line -> line.matches("(sudo |su -c ')apt-get install -y --no-install-recommends .*")).toList();
        assertThat(commands).as(result.output()).hasSize(1);
        List<String> packages = Arrays.asList(commands.getFirst().replace("'", "").split(" "));
        assertThat(packages).contains(ABSENT).doesNotContain("bash", "dpkg");
        assertThat(result.output()).contains("cannot install");
        assertThat(result.millis()).as("a check without apt is quick").isLessThan(10_000);
    }

    @Test
    void withEveryPeerInstalledTheCheckPassesWithoutRunningApt() throws Exception {
        Path script = Shell.readableCopy(tmp, "test-peers.sh");
        Shell.Result missing = Shell.run(Map.of(), "bash", "-c",
                ". \"$0\"; tutti_packages_missing \"${TUTTI_TEST_PEERS[@]}\" \"${TUTTI_TEST_PEERS_OPTIONAL[@]}\"",
                script.toString());
        if (!missing.output().isBlank()) {
            String message = "test peers not installed here: " + missing.output().strip().replace('\n', ' ');
            if (Peers.isCi()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        // sudo that "works" and apt-get that only note their calls: had the check wanted apt, it would call them.
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path calls = tmp.resolve("calls");
        Files.writeString(calls, "");
        Files.setPosixFilePermissions(calls, PosixFilePermissions.fromString("rw-rw-rw-"));
        for (String fake : List.of("sudo", "apt-get", "apt", "su")) {
            Path f = bin.resolve(fake);
            Files.writeString(f, "#!/bin/sh\necho \"" + fake + " $*\" >>" + calls + "\nexit 0\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));

        Shell.Result result = Shell.runUnprivileged(
                Map.of("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                "bash", script.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
        assertThat(Files.readString(calls)).as("calls of sudo/apt").isEmpty();
    }
}
