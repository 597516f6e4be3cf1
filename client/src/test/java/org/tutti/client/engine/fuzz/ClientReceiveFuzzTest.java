package org.tutti.client.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.protocol.Frame;

/**
 * Fuzzes the client's whole receive path from a hostile server (a musician picks servers from public directories):
 * classification, every server-to-client message, the reliable channel, and audio into the jitter buffer and the Opus
 * decoder, through real UDP from the address the client connected to. The first input byte picks the view: even sends
 * the rest as the datagram; odd reads the rest as {@code id (u16 LE) + body} and sends it in a valid frame, so the
 * fuzzer gets past the CRC into the message handlers. Properties: the control thread keeps answering, nothing is
 * thrown and caught on it ({@code internalErrors} stays 0), and the audio callback never throws. A server that
 * disconnects the client is simply connected to again. Seeds: every captured real-Jamulus datagram, both views.
 */
class ClientReceiveFuzzTest {
    private static final AtomicReference<FakeStream> STREAM = new AtomicReference<>();
    private static final AtomicReference<Throwable> AUDIO_FAILURE = new AtomicReference<>();
    private static volatile boolean disconnected;
    private static volatile boolean driving = true;
    private static ClientEngine engine;
    private static DatagramSocket server;
    private static SocketAddress client;
    private static Thread driver;
    private static long sent;

    @BeforeAll
    static void start() throws Exception {
        FakeBackendProvider provider = new FakeBackendProvider() {
            @Override
            public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
                FakeStream s = super.open(request, callback);
                STREAM.set(s);
                return s;
            }
        };
        engine = new ClientEngine(ClientOptions.defaults(provider, "Fuzzed"), new ClientListener() {
            @Override
            public void disconnected(String reason) {
                disconnected = true;
            }
        });
        // The sound card: a cycle every 2 ms, so the client streams audio (which is how a server learns of it).
        driver = Thread.ofPlatform().daemon().name("fuzz-sound-card").start(() -> {
            while (driving) {
                FakeStream s = STREAM.get();
                try {
                    if (s != null) {
                        s.runCycles(1);
                    }
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable t) {
                    AUDIO_FAILURE.compareAndSet(null, t);
                    return;
                }
            }
        });
        connect();
    }

    /** A fresh server socket per connection: the client's first datagram to it gives the client's address. */
    private static void connect() throws Exception {
        if (server != null) {
            server.close();
        }
        server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server.setSoTimeout(5000);
        disconnected = false;
        engine.connect("127.0.0.1:" + server.getLocalPort()).get(5, TimeUnit.SECONDS);
        DatagramPacket first = new DatagramPacket(new byte[2048], 2048);
        server.receive(first);
        client = first.getSocketAddress();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (engine != null) {
                assertAlive();
            }
        } finally {
            driving = false;
            if (driver != null) {
                driver.join(2000);
            }
            if (engine != null) {
                engine.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void datagrams(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        byte[] datagram;
        if ((input[0] & 1) == 0) {
            datagram = Arrays.copyOfRange(input, 1, input.length);
        } else {
            if (input.length < 3 || input.length - 3 > Frame.MAX_BODY_BYTES) {
                return;
            }
            int id = (input[1] & 0xFF) | (input[2] & 0xFF) << 8;
            // A new counter each time: the reliable channel rightly ignores a repeated one.
            datagram = Frame.build(id, (int) (sent & 0xFF), Arrays.copyOfRange(input, 3, input.length));
        }
        server.send(new DatagramPacket(datagram, datagram.length, client));
        // Checking on every input would measure the control thread's latency, not its robustness.
        if (++sent % 64 == 0) {
            assertAlive();
        }
    }

    private static void assertAlive() throws Exception {
        assertThat(engine.channels().get(5, TimeUnit.SECONDS)).as("the control thread answers").isNotNull();
        assertThat(engine.internalErrors()).as("failures caught on the control thread").isZero();
        assertThat(AUDIO_FAILURE.get()).as("the audio callback").isNull();
        if (disconnected) {
            connect();
        }
    }
}
