package org.tutti.interop;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small JSON-RPC client for tests: {@link #call} sends a request and waits for the reply with the same id;
 * notifications are kept (all of them, in order) so a test can wait for one with {@link #awaitNotification}.
 */
public final class RpcTestClient implements AutoCloseable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final List<JsonObject> notifications = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private RpcTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().name("rpc-test-client-read").start(this::readLoop);
    }

    /** Connects to 127.0.0.1:port, retrying until {@code timeout} (the peer may still be starting). */
    public static RpcTestClient connect(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return new RpcTestClient(new Socket(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("no JSON-RPC listener on port " + port, e);
                }
                sleep(100);
            }
        }
    }

    /** Connects and authenticates with {@code secret}; fails if the peer refuses. */
    public static RpcTestClient connectAndAuth(int port, String secret, Duration timeout) {
        RpcTestClient client = connect(port, timeout);
        JsonObject reply = client.call("jamulus/apiAuth", Json.object("secret", secret));
        if (!reply.has("result")) {
            client.close();
            throw new IllegalStateException("apiAuth refused: " + reply);
        }
        return client;
    }

    /** Sends a request and returns the whole reply object (with "result" or "error"). */
    public JsonObject call(String method, JsonObject params) {
        int id = nextId.getAndIncrement();
        JsonObject request = new JsonObject();
        request.addProperty("jsonrpc", "2.0");
        request.addProperty("id", id);
        request.addProperty("method", method);
        request.add("params", params);
        sendLine(request.toString());
        return awaitReply(id);
    }

    /** Calls and returns the "result", failing if the reply holds an error. */
    public JsonElement result(String method, JsonObject params) {
        JsonObject reply = call(method, params);
        if (!reply.has("result")) {
            throw new IllegalStateException(method + " failed: " + reply);
        }
        return reply.get("result");
    }

    /** Sends raw text plus a newline (for malformed-input tests). */
    public void sendLine(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next reply of any id (for raw tests); null on time-out. */
    public JsonObject nextReply(Duration timeout) {
        try {
            return replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonObject awaitReply(int id) {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject reply = nextReply(Duration.ofMillis(100));
            if (reply != null && reply.has("id") && !reply.get("id").isJsonNull() && reply.get("id").getAsInt() == id) {
                return reply;
            }
        }
        throw new IllegalStateException("no reply to request " + id + " within " + REPLY_TIMEOUT);
    }

    /** Waits for a notification of {@code method} whose params match; earlier ones count too. Null on time-out. */
    public JsonObject awaitNotification(String method, Predicate<JsonObject> paramsMatch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (notifications) {
            while (true) {
                for (; seen < notifications.size(); seen++) {
                    JsonObject n = notifications.get(seen);
                    if (method.equals(n.get("method").getAsString()) && paramsMatch.test(n.getAsJsonObject("params"))) {
                        return n.getAsJsonObject("params");
                    }
                }
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return null;
                }
                try {
                    notifications.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    /** Forgets notifications received so far (so a later wait sees only new ones). */
    public void clearNotifications() {
        synchronized (notifications) {
            notifications.clear();
        }
    }

    public boolean isClosedByPeer() {
        return socket.isClosed() || closedByPeer;
    }

    private volatile boolean closedByPeer;

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonElement parsed = JsonParser.parseString(line);
                if (parsed instanceof JsonObject o && o.has("method") && !o.has("id")) {
                    synchronized (notifications) {
                        notifications.add(o);
                        notifications.notifyAll();
                    }
                } else if (parsed instanceof JsonObject o) {
                    replies.add(o);
                } else {
                    JsonObject wrapper = new JsonObject();
                    wrapper.add("batch", parsed);
                    replies.add(wrapper);
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection closed
        }
        closedByPeer = true;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
