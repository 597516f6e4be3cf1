package org.tutti.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** One accepted TCP connection: a reader thread parses lines, a writer thread sends queued replies and notifications. */
final class JsonRpcConnection {
    /** A longer line is treated as invalid JSON, so one peer cannot make us buffer without bound. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Before {@code jamulus/apiAuth} (a line of ~100 bytes) a peer gets less: it may not be meant to be here at all. */
    static final int MAX_UNAUTHENTICATED_LINE_BYTES = 1 << 16;
    /** Replies and notifications waiting for a slow peer; beyond this the peer is dropped. */
    private static final int MAX_QUEUED_LINES = 4096;
    private static final String CLOSE = new String("close");

    private final Socket socket;
    private final JsonRpcServer server;
    private final BlockingQueue<String> outbound = new ArrayBlockingQueue<>(MAX_QUEUED_LINES);
    private volatile boolean authenticated;

    JsonRpcConnection(Socket socket, JsonRpcServer server) {
        this.socket = socket;
        this.server = server;
    }

    void start() {
        Thread.ofVirtual().name("jsonrpc-read").start(this::readLoop);
        Thread.ofVirtual().name("jsonrpc-write").start(this::writeLoop);
    }

    boolean authenticated() {
        return authenticated;
    }

    void authenticate() {
        authenticated = true;
    }

    void send(String line) {
        if (!outbound.offer(line)) {
            close();
        }
    }

    void close() {
        server.removed(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
        outbound.clear();
        outbound.offer(CLOSE);
    }

    private void readLoop() {
        // Not try-with-resources: closing the input stream would close the socket before the writer sends the
        // last reply (e.g. the parse error that precedes closing); the writer closes the socket.
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            boolean tooLong = false;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    if (line.size() < (authenticated ? MAX_LINE_BYTES : MAX_UNAUTHENTICATED_LINE_BYTES)) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                String text = tooLong ? "\u0000" : line.toString(StandardCharsets.UTF_8);
                line.reset();
                tooLong = false;
                if (!onLine(text)) {
                    break;
                }
            }
        } catch (IOException e) {
            // peer went away
        } finally {
            finishAfterWrites();
        }
    }

    /** Handles one line; returns false when the connection must be closed (as Jamulus does after bad JSON). */
    private boolean onLine(String text) {
        if (text.isBlank()) {
            send(SortedJson.toJson(JsonRpcServer.errorReply(JsonRpcException.PARSE_ERROR, "Parse error: Blank line received")));
            return true;
        }
        JsonElement data;
        try {
            data = parseStrict(text);
        } catch (JsonParseException | IOException | IllegalStateException e) {
            send(SortedJson.toJson(JsonRpcServer.errorReply(JsonRpcException.PARSE_ERROR, "Parse error: Invalid JSON received")));
            return false;
        }
        if (data instanceof JsonObject request) {
            send(SortedJson.toJson(answer(request)));
            return true;
        }
        if (data instanceof JsonArray items) {
            JsonArray output = new JsonArray();
            for (JsonElement item : items) {
                if (!(item instanceof JsonObject request)) {
                    send(SortedJson.toJson(JsonRpcServer.errorReply(JsonRpcException.INVALID_REQUEST,
                            "Invalid request: Non-object item encountered in a batch request array")));
                    return false;
                }
                output.add(answer(request));
            }
            if (output.isEmpty()) {
                send(SortedJson.toJson(JsonRpcServer.errorReply(JsonRpcException.INVALID_REQUEST,
                        "Invalid request: Empty batch request encountered")));
                return false;
            }
            send(SortedJson.toJson(output));
            return true;
        }
        send(SortedJson.toJson(JsonRpcServer.errorReply(JsonRpcException.INVALID_REQUEST,
                "Invalid request: Unrecognized JSON; a request must be either an object or an array")));
        return false;
    }

    private JsonObject answer(JsonObject request) {
        JsonObject response = new JsonObject();
        response.addProperty("jsonrpc", "2.0");
        JsonElement id = request.get("id");
        if (id != null) {
            response.add("id", id);
        }
        server.process(this, request, response);
        return response;
    }

    static JsonElement parseStrict(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = JsonParser.parseReader(reader); // keeps STRICT because we set it
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("trailing data after JSON value");
        }
        return element;
    }

    private void finishAfterWrites() {
        server.removed(this);
        outbound.offer(CLOSE);
    }

    private void writeLoop() {
        try (OutputStream out = socket.getOutputStream()) {
            while (true) {
                String line = outbound.take();
                if (line == CLOSE) {
                    break;
                }
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // peer went away or we are shutting down
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
