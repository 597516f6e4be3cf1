package org.tutti.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.ServerListEntry;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;
import org.tutti.testing.Await;

/**
 * The engine hosts the directory role of {@code -e}: a Tutti headless server registers with a real Jamulus 3.9.1
 * directory ({@code Jamulus -s -n -e localhost}) through its own UDP socket, and JSON-RPC reports it.
 */
class DirectoryHostingTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsJamulus() {
        Peers.require(Peers.JAMULUS);
    }

    @Test
    void tuttiServerRegistersWithARealJamulusDirectory() throws Exception {
        Secrets secrets = Secrets.create(dir);
        try (JamulusServer directory = JamulusServer.start(dir, 10, "-e", "localhost")) {
            var options = JamulusOptions.parse("-s", "-n", "-p", "0", "-e", "127.0.0.1:" + directory.udpPort(),
                    "-o", "Tutti Test;Town;82");
            try (HeadlessServer server = HeadlessServer.start(ServerOptions.toConfig(options),
                    new HeadlessServer.RpcSettings(0, secrets.file(), null),
                    new PrintStream(OutputStream.nullOutputStream()), options);
                 RpcTestClient rpc = RpcTestClient.connectAndAuth(server.rpcPort(), secrets.secret(), Duration.ofSeconds(5))) {
                Await.value("registrationStatus \"registered\" with a real Jamulus directory", () -> rpc
                        .result("jamulusserver/getServerProfile", Json.object()).getAsJsonObject()
                        .get("registrationStatus").getAsString(), "registered"::equals);
                var profile = rpc.result("jamulusserver/getServerProfile", Json.object()).getAsJsonObject();
                assertThat(profile.get("directoryServer").getAsString()).isEqualTo("127.0.0.1:" + directory.udpPort());
                assertThat(profile.get("name").getAsString()).isEqualTo("Tutti Test");
                // And the real directory really lists it (a server that became a directory itself would also
                // report "registered").
                assertThat(listedNames(directory.udpPort())).contains("Tutti Test");
            }
        }
    }

    /** Server names in the directory's answer to CLM_REQ_SERVER_LIST, asked until one lists more than itself. */
    private static List<String> listedNames(int directoryPort) throws Exception {
        byte[] request = MessageCodec.encodeFrame(new ConnectionlessMessage.ReqServerList());
        List<String> names = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(500);
            for (int attempt = 0; attempt < 20 && names.size() < 2; attempt++) {
                socket.send(new DatagramPacket(request, request.length,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), directoryPort)));
                byte[] buffer = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (MessageCodec.decodeFrame(buffer, 0, reply.getLength())
                        instanceof ConnectionlessMessage.ServerList(List<ServerListEntry> servers)) {
                    names.clear();
                    servers.forEach(entry -> names.add(entry.name()));
                }
            }
        }
        return names;
    }
}
