package org.tutti.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/**
 * The load generator against the real Tutti server engine on 127.0.0.1: every emulated client completes the
 * connect sequence (the server lists it with its profile), switches to sequence numbers, and receives the server's
 * audio. Capacity figures are the benchmark's business; this only proves that the instrument works.
 */
class LoadGeneratorTest {
    @Test
    void clientsConnectAndReceiveSequencedAudio() throws Exception {
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), null)) {
            LoadReport report = run(server, "default");
            assertThat(report.established).isEqualTo(3);
            assertThat(report.total.packets).isPositive();
            assertThat(report.total.sequenced).isEqualTo(report.total.packets);
            assertThat(report.namesAtWindowEnd).hasSize(3).allSatisfy(names ->
                    assertThat(names).containsExactlyInAnyOrder("load0", "load1", "load2"));
            // CLM_DISCONNECTION at the end: the server drops all three.
            Await.until("the server to drop all three", Duration.ofSeconds(5), () -> server.clients().isEmpty());
        }
    }

    @Test
    void distinctMixesAreAcknowledgedBeforeTheWindow() throws Exception {
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, 10), null)) {
            LoadReport report = run(server, "distinct");
            assertThat(report.established).isEqualTo(3);
            assertThat(report.gainsPending).isZero();
            assertThat(report.total.packets).isPositive();
        }
    }

    /**
     * From about 90 musicians the server's first client lists (queued before split support is agreed, so unsplit)
     * outgrow 2 kB. The generator's old 2 kB receive buffer cut them: the clients never learnt the later names, never
     * ACKed those lists (so the server resent them for ever) and counted the cut frames as delivered audio.
     */
    @Test
    void largeUnsplitClientListsArriveWhole() throws Exception {
        int clients = 100;
        try (ServerEngine server = ServerEngine.start(ServerConfig.defaults(0, clients), null)) {
            LoadReport report = run(server, "default", clients, 2);
            assertThat(report.established).isEqualTo(clients);
            assertThat(report.total.sequenced).as("only audio counts as audio").isEqualTo(report.total.packets);
            assertThat(report.namesAtWindowEnd).hasSize(clients).allSatisfy(names -> assertThat(names).hasSize(clients));
        }
    }

    private static LoadReport run(ServerEngine server, String mixes) throws Exception {
        return run(server, mixes, 3, 0);
    }

    private static LoadReport run(ServerEngine server, String mixes, int clients, int warmupSeconds) throws Exception {
        LoadOptions options = LoadOptions.parse(new String[] {"--server", "127.0.0.1:" + server.port(),
                "--clients", Integer.toString(clients), "--seconds", "1", "--warmup", Integer.toString(warmupSeconds),
                "--mixes", mixes});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadReport report = LoadGenerator.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT clients=" + clients);
        return report;
    }
}
