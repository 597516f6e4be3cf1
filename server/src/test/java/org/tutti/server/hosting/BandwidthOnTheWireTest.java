package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.faults.Impairment;
import org.tutti.faults.ImpairmentProxy;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.protocol.NetworkTransportProps;
import org.tutti.protocol.StreamBandwidth;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.testing.Await;

/**
 * The bandwidth the server reports per musician (getClients' {@code upstreamKbps}/{@code downstreamKbps}) against the
 * audio bytes a real Jamulus 3.9.1 client actually sends and receives, counted by a relay on the path over a few
 * seconds: every packet has the size the figure assumes, and the rate agrees within 2 % for each codec setting (the
 * server's stream as sent; the client's at its format's packet rate when a busy machine makes the real client send
 * fewer packets). Every line is appended to {@code target/bandwidth.txt} for the docs.
 */
class BandwidthOnTheWireTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final long WINDOW_MS = 4000;

    @ParameterizedTest(name = "{0} channels={1} quality={2} small={3} period={4}")
    @CsvSource({
        "mono-normal-128,     0, 1, 0, 128",
        "stereo-high-128,     2, 2, 0, 128",
        "mono-low-64-small,   0, 0, 1, 64",
        "stereo-normal-64-small, 2, 1, 1, 64",
    })
    void reportedFigureMatchesTheBytesOnTheWire(String label, int channels, int quality, int small, int period,
                                                @TempDir Path dir) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        Secrets secrets = Secrets.create(dir);
        try (HeadlessServer headless = HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, secrets.file(), null), new PrintStream(OutputStream.nullOutputStream()));
             ImpairmentProxy proxy = new ImpairmentProxy(headless.udpPort(), Impairment.NONE, 1);
             DummyJack jack = DummyJack.start(dir, period)) {
            ServerEngine server = headless.engine();
            int rpcPort = headless.rpcPort();
            JamulusClient jamulus = JamulusClient.start(dir, jack, "127.0.0.1:" + proxy.port(), "wire",
                    Map.of("audiochannels", Integer.toString(channels), "audioquality", Integer.toString(quality),
                            "enableopussmall", Integer.toString(small)));
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), SETTLE)) {
                jamulus.rpc().result("jamulusclient/setName", Json.object("name", "Wire"));
                Await.until("the client named and streaming", SETTLE, () -> server.clients().stream()
                        .anyMatch(c -> c.info().name().equals("Wire") && c.props() != null));
                Thread.sleep(1000); // a settled stream: the format is declared and both directions run
                JsonObject wire = rpc.result("jamulusserver/getClients", Json.object()).getAsJsonObject()
                        .getAsJsonArray("clients").get(0).getAsJsonObject();
                double reportedUp = wire.get("upstreamKbps").getAsDouble();
                double reportedDown = wire.get("downstreamKbps").getAsDouble();
                // A dummy jackd or a tick that falls behind on a busy machine sends fewer packets in a window: such a
                // window is measured again (up to three), a wrong formula is off in every one.
                double upKbps = 0;
                double downKbps = 0;
                double seconds = 0;
                long up0 = 0;
                long upPackets0 = 0;
                long down0 = 0;
                long downPackets0 = 0;
                for (int window = 0; window < 3; window++) {
                    up0 = proxy.toServer().audioBytes.get();
                    upPackets0 = proxy.toServer().audioPackets.get();
                    down0 = proxy.toClient().audioBytes.get();
                    downPackets0 = proxy.toClient().audioPackets.get();
                    long t0 = System.nanoTime();
                    Thread.sleep(WINDOW_MS); // the measuring window
                    seconds = (System.nanoTime() - t0) / 1e9;
                    upKbps = (proxy.toServer().audioBytes.get() - up0 + StreamBandwidth.IP_UDP_OVERHEAD_BYTES
                            * (proxy.toServer().audioPackets.get() - upPackets0)) * 8 / seconds / 1000;
                    downKbps = (proxy.toClient().audioBytes.get() - down0 + StreamBandwidth.IP_UDP_OVERHEAD_BYTES
                            * (proxy.toClient().audioPackets.get() - downPackets0)) * 8 / seconds / 1000;
                    if (Math.abs(upKbps - reportedUp) <= reportedUp * 0.02
                            && Math.abs(downKbps - reportedDown) <= reportedDown * 0.02) {
                        break;
                    }
                }
                String line = String.format(java.util.Locale.ROOT,
                        "%-24s reported %.1f/%.1f kbit/s, measured up %.1f down %.1f kbit/s over %.2f s%n",
                        label, reportedUp, reportedDown, upKbps, downKbps, seconds);
                Files.writeString(Path.of("target", "bandwidth.txt"), line, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                int packetBytes = server.clients().getFirst().props().packetBytes();
                assertThat((double) (proxy.toServer().audioBytes.get() - up0)
                        / (proxy.toServer().audioPackets.get() - upPackets0)).as("upstream payload per packet")
                        .isEqualTo(packetBytes);
                assertThat((double) (proxy.toClient().audioBytes.get() - down0)
                        / (proxy.toClient().audioPackets.get() - downPackets0)).as("downstream payload per packet")
                        .isEqualTo(packetBytes);
                // Upstream is a real Jamulus client on a dummy jackd: when the machine is busy it sends fewer packets
                // than its format's rate (at 64 samples, 750 a second), which says nothing about the formula. Then the
                // bytes it did send, at the format's packet rate, must give the figure.
                NetworkTransportProps props = server.clients().getFirst().props();
                double upPacketsPerSecond = (proxy.toServer().audioPackets.get() - upPackets0) / seconds;
                double nominal = StreamBandwidth.packetsPerSecond(props);
                double upAtFormatRate = upPacketsPerSecond >= 0.98 * nominal ? upKbps
                        : upKbps * nominal / upPacketsPerSecond;
                assertThat(upAtFormatRate).as("upstream measured vs reported (%.1f of %.1f packets a second)",
                        upPacketsPerSecond, nominal).isCloseTo(reportedUp, within(reportedUp * 0.02));
                assertThat(downKbps).as("downstream measured vs reported")
                        .isCloseTo(reportedDown, within(reportedDown * 0.02));
            } finally {
                jamulus.close();
            }
        }
    }
}
