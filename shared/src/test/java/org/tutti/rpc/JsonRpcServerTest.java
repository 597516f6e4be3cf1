package org.tutti.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.Json;
import org.tutti.interop.RpcTestClient;
import org.tutti.testing.Await;

/** The JSON-RPC transport against Jamulus's observed behaviour (protocol doc §9.1–9.2), over real TCP. */
class JsonRpcServerTest {
    private static final String SECRET = "0123456789abcdefXYZ";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private JsonRpcServer server;

    @BeforeEach
    void start() throws IOException {
        server = new JsonRpcServer(InetAddress.getLoopbackAddress(), 0, SECRET);
        server.handle("test/echo", params -> params);
        server.handle("test/fail", params -> {
            throw new JsonRpcException(JsonRpcException.CLIENT_NOT_CONNECTED, "Client is not connected");
        });
        server.handle("test/bug", params -> {
            throw new IllegalStateException("boom");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RpcTestClient raw() {
        return RpcTestClient.connect(server.port(), WAIT);
    }

    @Test
    void methodsNeedAuthenticationFirst() {
        try (RpcTestClient c = raw()) {
            JsonObject reply = c.call("test/echo", Json.object());
            assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(401);
            assertThat(reply.getAsJsonObject("error").get("message").getAsString())
                    .isEqualTo("Unauthenticated: Please authenticate using jamulus/apiAuth first");
            reply = c.call("jamulus/apiAuth", Json.object("secret", "wrong"));
            assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(400);
            assertThat(c.result("jamulus/apiAuth", Json.object("secret", SECRET))).isEqualTo(new JsonPrimitive("ok"));
            assertThat(c.result("test/echo", Json.object("a", "b"))).isEqualTo(Json.object("a", "b"));
        }
    }

    @Test
    void errorsHaveJamulusCodes() {
        try (RpcTestClient c = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT)) {
            assertThat(code(c.call("no/such", Json.object()))).isEqualTo(-32601);
            assertThat(code(c.call("test/fail", Json.object()))).isEqualTo(1);
            assertThat(code(c.call("test/bug", Json.object()))).isEqualTo(-32600);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test/echo\",\"params\":[]}");
            assertThat(code(c.nextReply(WAIT))).isEqualTo(-32602);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":8,\"params\":{}}");
            assertThat(code(c.nextReply(WAIT))).isEqualTo(-32600);
            c.sendLine("");
            assertThat(code(c.nextReply(WAIT))).isEqualTo(-32700);
            // The connection survives all of that.
            assertThat(c.result("test/echo", Json.object())).isEqualTo(Json.object());
        }
    }

    @Test
    void invalidJsonGetsParseErrorWithoutIdAndClosesTheConnection() throws InterruptedException {
        try (RpcTestClient c = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT)) {
            c.sendLine("{\"id\":1,");
            JsonObject reply = c.nextReply(WAIT);
            assertThat(code(reply)).isEqualTo(-32700);
            assertThat(reply.has("id")).isFalse();
            assertThat(reply.getAsJsonObject("error").get("message").getAsString())
                    .isEqualTo("Parse error: Invalid JSON received");
            awaitClosedByPeer(c);
        }
        // The server still serves new connections.
        try (RpcTestClient c = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT)) {
            assertThat(c.result("test/echo", Json.object())).isEqualTo(Json.object());
        }
    }

    /**
     * Issue #10: each connection may buffer a request line, so a local peer opening connections without end could make
     * the server hold memory without end. Beyond {@value JsonRpcServer#MAX_CONNECTIONS} a new connection gets an error
     * line and is closed; those already open keep working, and a closed one frees its place.
     */
    @Test
    void connectionsBeyondTheLimitAreRefusedWithAnError() throws InterruptedException {
        java.util.List<RpcTestClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < JsonRpcServer.MAX_CONNECTIONS; i++) {
                open.add(raw());
            }
            // every one of them is accepted and served
            assertThat(code(open.getLast().call("test/echo", Json.object()))).isEqualTo(401);
            try (RpcTestClient extra = raw()) {
                JsonObject reply = extra.nextReply(WAIT);
                assertThat(reply.getAsJsonObject("error").get("message").getAsString())
                        .isEqualTo("Too many connections (64)");
                awaitClosedByPeer(extra);
            }
            assertThat(server.refusedConnections()).isEqualTo(1);
            assertThat(open.getFirst().result("jamulus/apiAuth", Json.object("secret", SECRET)))
                    .isEqualTo(new JsonPrimitive("ok"));
            open.removeLast().close();
            // it notices the close a moment later
            Await.until("a place frees up", WAIT, () -> server.openConnections() < JsonRpcServer.MAX_CONNECTIONS);
            try (RpcTestClient again = raw()) {
                assertThat(again.result("jamulus/apiAuth", Json.object("secret", SECRET)))
                        .isEqualTo(new JsonPrimitive("ok"));
            }
        } finally {
            open.forEach(RpcTestClient::close);
        }
    }

    /** Issue #10: before authenticating a peer may send lines of 64 kB at most; afterwards up to 1 MB. */
    @Test
    void longLinesNeedAuthentication() throws InterruptedException {
        String pad = "x".repeat(100_000);
        try (RpcTestClient c = raw()) {
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"jamulus/apiAuth\",\"params\":{\"secret\":\"" + SECRET
                    + "\",\"pad\":\"" + pad + "\"}}");
            assertThat(code(c.nextReply(WAIT))).isEqualTo(-32700);
            awaitClosedByPeer(c);
        }
        try (RpcTestClient c = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT)) {
            assertThat(c.result("test/echo", Json.object("pad", pad))).isEqualTo(Json.object("pad", pad));
        }
    }

    private static void awaitClosedByPeer(RpcTestClient c) {
        Await.until("the server to close the connection", WAIT, c::isClosedByPeer);
    }

    @Test
    void batchesAnswerEachItemAndEmptyBatchIsInvalid() {
        try (RpcTestClient c = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT)) {
            c.sendLine("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"x\":\"1\"}},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such\",\"params\":{}}]");
            JsonObject wrapper = c.nextReply(WAIT);
            assertThat(wrapper.getAsJsonArray("batch")).hasSize(2);
            c.sendLine("[]");
            assertThat(code(c.nextReply(WAIT))).isEqualTo(-32600);
        }
    }

    @Test
    void repliesHaveSortedKeysAndNotificationsReachOnlyAuthenticatedPeers() {
        try (RpcTestClient authed = RpcTestClient.connectAndAuth(server.port(), SECRET, WAIT);
             RpcTestClient stranger = raw()) {
            authed.sendLine("{\"params\":{\"z\":\"1\",\"a\":\"2\"},\"method\":\"test/echo\",\"id\":3,\"jsonrpc\":\"2.0\"}");
            JsonObject reply = authed.nextReply(WAIT);
            assertThat(reply.keySet()).containsExactly("id", "jsonrpc", "result");
            assertThat(reply.getAsJsonObject("result").keySet()).containsExactly("a", "z");
            server.broadcast("test/note", Json.object("k", "v"));
            assertThat(authed.awaitNotification("test/note", p -> true, WAIT)).isEqualTo(Json.object("k", "v"));
            assertThat(stranger.awaitNotification("test/note", p -> true, Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void secretFileNeedsSixteenCharacters(@TempDir Path dir) throws IOException {
        Path shortSecret = Files.writeString(dir.resolve("short"), "tooshort\n");
        assertThatThrownBy(() -> JsonRpcSecret.load(shortSecret)).isInstanceOf(IOException.class)
                .hasMessageContaining("16");
        Path good = Files.writeString(dir.resolve("good"), SECRET + "\nsecond line\n");
        assertThat(JsonRpcSecret.load(good)).isEqualTo(SECRET);
    }

    private static int code(JsonObject reply) {
        return reply.getAsJsonObject("error").get("code").getAsInt();
    }
}
