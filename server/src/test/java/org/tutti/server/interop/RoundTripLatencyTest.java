package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.LatencyProbe;
import org.tutti.interop.Peers;

/**
 * A real Jamulus client hears its own signal back through the server (own signal is part of every personal mix):
 * jack_iodelay's test signal goes into the client's input, comes back on its output, and the round trip is found.
 * The assertion is that the loop closes; the figure is printed for docs/performance-server.md, not asserted.
 */
class RoundTripLatencyTest {
    private static final long WARM_UP_MS = 10_000;

    @TempDir
    Path dir;

    @BeforeEach
    void needsRealPeers() {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_IODELAY);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerUnderTest.Kind.class)
    void ownSignalMakesTheRoundTrip(ServerUnderTest.Kind kind) throws InterruptedException {
        try (ServerUnderTest server = kind.start(dir, 10);
             DummyJack jack = DummyJack.start(dir)) {
            JamulusClient client = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "looper");
            try (LatencyProbe probe = LatencyProbe.start(jack, dir)) {
                probe.connect(client.inputPorts().getFirst(), client.outputPorts().getFirst());
                Thread.sleep(WARM_UP_MS); // let both sides' automatic jitter buffers settle
                double ms = probe.medianMs(20, 30);
                System.out.printf("ROUNDTRIP %s: %.3f ms (median of 20 jack_iodelay readings after %d s)%n", kind, ms,
                        WARM_UP_MS / 1000);
                if (server.tuttiClients() != null) {
                    System.out.printf("ROUNDTRIP %s: server jitter buffer %s frames, counters %s%n", kind,
                            server.tuttiClients().stream().map(c -> Integer.toString(c.jitterBufferSize())).toList(),
                            server.rpc().result("jamulusserver/getCounters", org.tutti.interop.Json.object()));
                }
                assertThat(ms).as("round trip found by jack_iodelay").isFinite().isPositive();
            } finally {
                client.close();
            }
        }
    }
}
