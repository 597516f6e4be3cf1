package org.tutti.server.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;

/**
 * Fuzzes the server's whole receive path (classification, CLMs, connected messages, audio decode) through a real UDP
 * socket: the first input byte picks one of {@value #SOURCES} source ports (so channels get opened and then receive
 * hostile follow-ups), the rest is the datagram. Property: the engine thread keeps answering and never holds more
 * channels than its limit. Seeds: every captured real-Jamulus datagram.
 */
class ServerReceiveFuzzTest {
    private static final int SOURCES = 6;
    private static final int MAX_CLIENTS = 4;
    private static ServerEngine engine;
    private static DatagramSocket[] sources;
    private static InetSocketAddress server;
    private static long sent;

    @BeforeAll
    static void start() throws IOException {
        // Delay panning on: its mixer path indexes history by client-chosen pans (see HostileValuesTest).
        ServerConfig config = new ServerConfig(null, 0, MAX_CLIENTS, false, false, true, "", false, "", "", 0, 128,
                false, null, null, false);
        engine = ServerEngine.start(config, null);
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), engine.port());
        sources = new DatagramSocket[SOURCES];
        for (int i = 0; i < SOURCES; i++) {
            sources[i] = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            assertAlive();
            engine.close();
        }
        for (DatagramSocket s : sources) {
            s.close();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void datagrams(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        DatagramSocket source = sources[(input[0] & 0xFF) % SOURCES];
        source.send(new DatagramPacket(input, 1, input.length - 1, server));
        // Checking on every input would measure the engine's command latency, not its robustness.
        if (++sent % 64 == 0) {
            assertAlive();
        }
    }

    private static void assertAlive() {
        int channels = engine.clients().size(); // throws when the engine thread stopped answering
        assertThat(channels).isBetween(0, MAX_CLIENTS);
    }
}
