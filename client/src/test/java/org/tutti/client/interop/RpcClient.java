package org.tutti.client.interop;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal newline-delimited JSON-RPC 2.0 test client for Jamulus's API (protocol doc §9). Private to the client's
 * tests until the shared interop harness is merged.
 */
public final class RpcClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();

    private RpcClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "rpc-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects (retrying while the peer starts up) and authenticates. */
    public static RpcClient connect(int port, String secret, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                RpcClient c = new RpcClient(new Socket("127.0.0.1", port));
                JsonObject auth = c.call("jamulus/apiAuth", Map.of("secret", secret));
                if (!"ok".equals(auth.get("result").getAsString())) {
                    throw new IOException("authentication failed: " + auth);
                }
                return c;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("no JSON-RPC server on port " + port, last);
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonElement e = JsonParser.parseString(line);
                if (!e.isJsonObject()) {
                    continue;
                }
                JsonObject o = e.getAsJsonObject();
                if (o.has("id") && !o.get("id").isJsonNull()) {
                    CompletableFuture<JsonObject> f = pending.remove(o.get("id").getAsInt());
                    if (f != null) {
                        f.complete(o);
                    }
                } else {
                    notifications.add(o);
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection closed
        }
    }

    /** Sends a request and returns the whole response object. */
    public JsonObject call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        JsonObject req = new JsonObject();
        req.addProperty("jsonrpc", "2.0");
        req.addProperty("id", id);
        req.addProperty("method", method);
        req.add("params", new com.google.gson.Gson().toJsonTree(params));
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        synchronized (out) {
            out.write((req + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return f.get(10, TimeUnit.SECONDS);
    }

    /** Waits for a notification of {@code method} whose params satisfy {@code test}; null on time-out. */
    public JsonObject awaitNotification(String method, Predicate<JsonObject> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonObject n = notifications.poll(left, TimeUnit.NANOSECONDS);
            if (n != null && method.equals(n.get("method").getAsString())) {
                JsonObject params = n.has("params") ? n.getAsJsonObject("params") : new JsonObject();
                if (test.test(params)) {
                    return params;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
