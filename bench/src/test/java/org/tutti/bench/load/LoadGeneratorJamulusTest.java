package org.tutti.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;

/**
 * The load generator against the real Jamulus 3.9.1 server: the reference accepts our emulated clients (it lists
 * their profiles to each other), streams sequenced audio to them, and ACKs every distinct gain. Skips without
 * Jamulus locally; fails when CI=true.
 */
class LoadGeneratorJamulusTest {
    @TempDir
    Path dir;

    @Test
    void realJamulusServesTheEmulatedClients() throws Exception {
        Peers.require(Peers.JAMULUS);
        try (JamulusServer server = JamulusServer.start(dir, 10)) {
            LoadOptions options = LoadOptions.parse(new String[] {"--server", "127.0.0.1:" + server.udpPort(),
                    "--clients", "3", "--seconds", "1", "--warmup", "0", "--mixes", "distinct"});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LoadReport report = LoadGenerator.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(report.established).isEqualTo(3);
            assertThat(report.gainsPending).isZero();
            assertThat(report.total.packets).isPositive();
            assertThat(report.total.sequenced).isEqualTo(report.total.packets);
            assertThat(report.namesAtWindowEnd).hasSize(3).allSatisfy(names ->
                    assertThat(names).containsExactlyInAnyOrder("load0", "load1", "load2"));
        }
    }
}
