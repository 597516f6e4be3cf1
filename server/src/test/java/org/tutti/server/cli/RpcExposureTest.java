package org.tutti.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.server.engine.ServerConfig;

/**
 * JSON-RPC exposure (issue #10): without {@code --jsonrpcbindip} the server's JSON-RPC listens on loopback only, and
 * a peer that has not sent the secret gets error 401 for every method, never a result.
 */
class RpcExposureTest {

    @Test
    void jsonRpcIsLoopbackOnlyByDefaultAndRefusesUnauthenticatedCalls(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "reliability-secret-0123456789\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, secret, null), new PrintStream(log, true, StandardCharsets.UTF_8))) {
            Matcher m = Pattern.compile("JSON-RPC: server started on ([0-9.:a-f]+):(\\d+)")
                    .matcher(log.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as("start line in %s", log).isTrue();
            assertThat(InetAddress.getByName(m.group(1)).isLoopbackAddress()).as("bound to loopback").isTrue();
            int port = Integer.parseInt(m.group(2));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write(("{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"jamulusserver/getClients\","
                        + "\"params\":{}}\n{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"jamulus/apiAuth\","
                        + "\"params\":{\"secret\":\"wrong-secret-0123456789\"}}\n").getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                JsonObject first = JsonParser.parseString(in.readLine()).getAsJsonObject();
                assertThat(first.has("result")).isFalse();
                assertThat(first.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(401);
                JsonObject second = JsonParser.parseString(in.readLine()).getAsJsonObject();
                assertThat(second.getAsJsonObject("error").get("code").getAsInt()).as("wrong secret").isEqualTo(400);
            }
        }
    }

    @Test
    void anotherBindAddressOnlyWhenConfiguredAndNoShortSecret(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "reliability-secret-0123456789\n");
        InetAddress configured = InetAddress.getByName("127.0.0.2"); // what --jsonrpcbindip 127.0.0.2 gives
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (HeadlessServer server = HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, secret, configured), new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("JSON-RPC: server started on 127.0.0.2:");
            try (Socket s = new Socket(configured, server.rpcPort())) {
                assertThat(s.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.1"), server.rpcPort()).close())
                    .as("listens on the configured address only").isInstanceOf(ConnectException.class);
        }
        Path shortSecret = dir.resolve("short");
        Files.writeString(shortSecret, "fifteen-chars15\n");
        assertThatThrownBy(() -> HeadlessServer.start(ServerConfig.defaults(0, 4),
                new HeadlessServer.RpcSettings(0, shortSecret, null), new PrintStream(new ByteArrayOutputStream())))
                .as("a secret under 16 characters refuses to start").isInstanceOf(IOException.class)
                .hasMessageContaining("too short");
    }
}
