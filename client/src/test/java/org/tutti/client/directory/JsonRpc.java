package org.tutti.client.directory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough of Jamulus's JSON-RPC to read a server's registration status. */
final class JsonRpc {
    private JsonRpc() {
    }

    /** {@code registrationStatus} of {@code jamulusserver/getServerProfile}, or "" when not reachable (yet). */
    static String registrationStatus(int port, String secret) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.print("{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"jamulus/apiAuth\",\"params\":{\"secret\":\""
                    + secret + "\"}}\n");
            out.print("{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"jamulusserver/getServerProfile\",\"params\":{}}\n");
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                if (o.has("id") && o.get("id").getAsInt() == 2) {
                    return o.getAsJsonObject("result").get("registrationStatus").getAsString();
                }
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
