package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.interop.FreePorts;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;

/**
 * Over real UDP on ::1: a Tutti server bound to ::1 and a Tutti client from ::1; JSON-RPC getClients writes the
 * client as Jamulus does, {@code [::1]:port} (not {@code 0:0:0:0:0:0:0:1%0:port}).
 */
class Ipv6AddressTest {
    @TempDir
    Path dir;

    @Test
    void getClientsShowsAnIpv6ClientAsJamulusDoes() throws Exception {
        assumeTrue(hasIpv6Loopback(), "no IPv6 loopback on this machine");
        Secrets secrets = Secrets.create(dir);
        ParsedOptions options = JamulusOptions.parse("-s", "-n", "-p", "0", "--serverbindip", "::1");
        int clientPort = FreePorts.udp();
        ClientOptions defaults = ClientOptions.defaults(new PacedFakeBackend(), "six");
        ClientOptions clientOptions = new ClientOptions(defaults.backend(), defaults.audioClientName(),
                defaults.audioDevice(), defaults.bufferFrames(), false, defaults.profile(), defaults.quality(),
                defaults.channelMode(), defaults.smallNetworkBuffers(), false, false, clientPort);
        try (PrintStream log = new PrintStream(OutputStream.nullOutputStream());
             HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options),
                     new HeadlessServer.RpcSettings(0, secrets.file(), null), log, options);
             RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(),
                     Duration.ofSeconds(5));
             ClientEngine client = new ClientEngine(clientOptions, new ClientListener() { })) {
            client.connect("[::1]:" + server.udpPort()).get(10, TimeUnit.SECONDS);
            JsonObject connected = rpc.awaitNotification("jamulusserver/clientConnected", p -> true,
                    Duration.ofSeconds(10));
            assertThat(connected).as("clientConnected notification").isNotNull();
            // Jamulus: RecHostAddr.toString(), the address alone
            assertThat(connected.get("address").getAsString()).isEqualTo("::1");
            JsonArray clients = rpc.result("jamulusserver/getClients", new JsonObject()).getAsJsonObject()
                    .getAsJsonArray("clients");
            assertThat(clients).hasSize(1);
            // Jamulus: CHostAddress::toString(SM_IP_PORT)
            assertThat(clients.get(0).getAsJsonObject().get("address").getAsString()).isEqualTo("[::1]:" + clientPort);
        }
    }

    private static boolean hasIpv6Loopback() {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.ofLiteral("::1")) != null
                    && InetAddress.ofLiteral("::1") instanceof Inet6Address;
        } catch (Exception e) {
            return false;
        }
    }
}
