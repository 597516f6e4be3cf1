package org.tutti.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jamulus-compatible JSON-RPC server (protocol doc §9.1–9.2): newline-delimited JSON-RPC 2.0 over TCP, every method
 * except {@code jamulus/apiAuth} needs the shared secret first. Each connection has its own reader and writer
 * thread, so a slow or broken peer never blocks the caller of {@link #broadcast}.
 */
public final class JsonRpcServer implements AutoCloseable {
    static final String AUTH_METHOD = "jamulus/apiAuth";
    /** Open connections at most; Jamulus's tools use one or two. */
    static final int MAX_CONNECTIONS = 64;

    private final String secret;
    private final Map<String, JsonRpcHandler> methods = new ConcurrentHashMap<>();
    private final Set<JsonRpcConnection> connections = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final AtomicLong refusedConnections = new AtomicLong();
    private volatile boolean closed;

    /** Binds at once (so a taken port fails here); call {@link #start()} to accept connections. */
    public JsonRpcServer(InetAddress bindAddress, int port, String secret) throws IOException {
        if (secret.length() < JsonRpcSecret.MIN_LENGTH) {
            throw new IllegalArgumentException("JSON-RPC secret needs at least " + JsonRpcSecret.MIN_LENGTH + " characters");
        }
        this.secret = secret;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bindAddress, port));
    }

    /** Registers (or replaces) a method. */
    public JsonRpcServer handle(String method, JsonRpcHandler handler) {
        methods.put(method, handler);
        return this;
    }

    public JsonRpcServer start() {
        Thread.ofPlatform().daemon().name("jsonrpc-accept-" + port()).start(this::acceptLoop);
        return this;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetAddress bindAddress() {
        return listener.getInetAddress();
    }

    /** Sends a notification to every authenticated connection; never blocks. */
    public void broadcast(String method, JsonObject params) {
        JsonObject note = new JsonObject();
        note.addProperty("jsonrpc", "2.0");
        note.addProperty("method", method);
        note.add("params", params);
        String line = SortedJson.toJson(note);
        for (JsonRpcConnection c : connections) {
            if (c.authenticated()) {
                c.send(line);
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                if (connections.size() >= MAX_CONNECTIONS) {
                    refuse(socket);
                    continue;
                }
                JsonRpcConnection connection = new JsonRpcConnection(socket, this);
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("JSON-RPC: accept failed: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Beyond {@value #MAX_CONNECTIONS} open connections a new one gets one error line and is closed: each connection
     * may buffer a request line, so their number bounds the memory a local peer can make the server hold.
     */
    private void refuse(Socket socket) {
        refusedConnections.incrementAndGet();
        try (socket) {
            byte[] line = (SortedJson.toJson(errorReply(JsonRpcException.INVALID_REQUEST,
                    "Too many connections (" + MAX_CONNECTIONS + ")")) + "\n").getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(line); // a fresh socket's send buffer takes it without blocking
        } catch (IOException e) {
            // the peer is gone already
        }
    }

    /** Connections open now (for tests). */
    int openConnections() {
        return connections.size();
    }

    /** Connections refused because {@value #MAX_CONNECTIONS} were open. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    void removed(JsonRpcConnection connection) {
        connections.remove(connection);
    }

    /** Answers one request object into {@code response} (which already holds jsonrpc and id). */
    void process(JsonRpcConnection connection, JsonObject request, JsonObject response) {
        JsonElement method = request.get("method");
        if (method == null || !method.isJsonPrimitive() || !method.getAsJsonPrimitive().isString()) {
            response.add("error", error(JsonRpcException.INVALID_REQUEST, "Invalid request: The `method` member is not a string"));
            return;
        }
        JsonElement params = request.get("params");
        if (params == null || !params.isJsonObject()) {
            response.add("error", error(JsonRpcException.INVALID_PARAMS, "Invalid params: The `params` member is not an object"));
            return;
        }
        String name = method.getAsString();
        try {
            JsonElement result;
            if (name.equals(AUTH_METHOD)) {
                result = authenticate(connection, params.getAsJsonObject());
            } else if (!connection.authenticated()) {
                throw new JsonRpcException(JsonRpcException.UNAUTHENTICATED,
                        "Unauthenticated: Please authenticate using jamulus/apiAuth first");
            } else {
                JsonRpcHandler handler = methods.get(name);
                if (handler == null) {
                    throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found");
                }
                result = handler.handle(params.getAsJsonObject());
            }
            if (result != null) {
                response.add("result", result);
            }
        } catch (JsonRpcException e) {
            response.add("error", error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            // A bug in one handler must not take the connection or the server down.
            response.add("error", error(JsonRpcException.INVALID_REQUEST, "Internal error: " + e));
        }
    }

    private JsonElement authenticate(JsonRpcConnection connection, JsonObject params) throws JsonRpcException {
        JsonElement given = params.get("secret");
        if (given == null || !given.isJsonPrimitive() || !given.getAsJsonPrimitive().isString()) {
            throw JsonRpcException.invalidParams("secret is not a string");
        }
        if (!secret.equals(given.getAsString())) {
            throw new JsonRpcException(JsonRpcException.AUTHENTICATION_FAILED, "Authentication failed.");
        }
        connection.authenticate();
        return new JsonPrimitive("ok");
    }

    static JsonObject error(int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        return error;
    }

    static JsonObject errorReply(int code, String message) {
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("error", error(code, message));
        return reply;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (JsonRpcConnection c : connections) {
            c.close();
        }
    }
}
