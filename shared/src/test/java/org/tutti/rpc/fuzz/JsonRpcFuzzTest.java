package org.tutti.rpc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tutti.rpc.JsonRpcServer;

/**
 * Fuzzes the JSON-RPC request parser and dispatcher over a real TCP connection to a real {@link JsonRpcServer}. Input
 * byte 0 bit 0: authenticate first; the rest is sent as-is (it may hold several lines). Properties: the server
 * answers every connection with well-formed JSON and closes it when the peer is done (never hangs), and a protected
 * method's result never reaches a peer that did not authenticate.
 */
class JsonRpcFuzzTest {
    private static final String SECRET = "fuzz-secret-0123456789";
    private static final String PROTECTED_RESULT = "protected-result-7f3a";
    private static JsonRpcServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new JsonRpcServer(InetAddress.getLoopbackAddress(), 0, SECRET)
                .handle("test/echo", params -> new JsonPrimitive(PROTECTED_RESULT))
                .start();
    }

    /**
     * The test's own connection to its loopback server is intended; Jazzer's SSRF detector flags any connect (its
     * first "finding" was exactly that), so allow this server's port and nothing else. Only callable once Jazzer's
     * agent is loaded, i.e. inside the fuzz test, not in {@code @BeforeAll}.
     */
    private static void allowOwnServer() {
        BugDetectors.allowNetworkConnections((host, port) -> server != null && port == server.port()
                && ("localhost".equals(host) || "127.0.0.1".equals(host)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void requests(byte[] input) throws IOException {
        allowOwnServer();
        if (input.length == 0) {
            return;
        }
        boolean authFirst = (input[0] & 1) != 0;
        byte[] payload = Arrays.copyOfRange(input, 1, input.length);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5000); // a hang fails the input with SocketTimeoutException
            OutputStream out = s.getOutputStream();
            if (authFirst) {
                out.write(("{\"id\":0,\"jsonrpc\":\"2.0\",\"method\":\"jamulus/apiAuth\",\"params\":{\"secret\":\""
                        + SECRET + "\"}}\n").getBytes(StandardCharsets.UTF_8));
            }
            try {
                out.write(payload);
                out.write('\n');
                out.flush();
                s.shutdownOutput();
            } catch (SocketException e) {
                // Expected: after invalid JSON the server answers and closes (as Jamulus does) while we still write.
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            boolean mayAuthenticate = authFirst || new String(payload, StandardCharsets.UTF_8).contains(SECRET);
            String line;
            while ((line = readLine(in)) != null) {
                JsonElement reply = JsonParser.parseString(line);
                assertThat(reply.isJsonObject() || reply.isJsonArray()).as(line).isTrue();
                if (!mayAuthenticate) {
                    assertThat(line).doesNotContain(PROTECTED_RESULT);
                }
            }
        }
    }

    /** A line, or null at the end; a reset (the server closed with our bytes unread) also ends the replies. */
    private static String readLine(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (SocketException e) {
            return null; // a SocketTimeoutException (a hang) is no SocketException and still fails the input
        }
    }
}
