package org.tutti.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tutti.testing.Await;

/**
 * The real Jamulus client, headless ({@code Jamulus -n -c ...}), on a dummy jackd, with JSON-RPC enabled and
 * authenticated. It auto-connects its JACK ports to system capture/playback; tests add their own connections.
 */
public final class JamulusClient implements AutoCloseable {
    private final ManagedProcess process;
    private final RpcTestClient rpc;
    private final String jackName;

    private JamulusClient(ManagedProcess process, RpcTestClient rpc, String jackName) {
        this.process = process;
        this.rpc = rpc;
        this.jackName = jackName;
    }

    /**
     * Starts a client that connects to {@code serverAddress} ("127.0.0.1:port"). {@code clientName} names the
     * process and its JACK ports, not the musician: set that with {@code jamulusclient/setName}.
     */
    public static JamulusClient start(Path dir, DummyJack jack, String serverAddress, String clientName) {
        return start(dir, jack, serverAddress, clientName, Map.of());
    }

    /**
     * As {@link #start(Path, DummyJack, String, String)}, with settings written to its ini file first: keys of
     * Jamulus's {@code <client>} section, e.g. {@code audiochannels} (0 mono, 1 mono-in/stereo-out, 2 stereo),
     * {@code audioquality} (0 low, 1 normal, 2 high), {@code enableopussmall} (1 = small network buffers).
     */
    public static JamulusClient start(Path dir, DummyJack jack, String serverAddress, String clientName,
                                      Map<String, String> iniSettings) {
        return start(dir, jack, serverAddress, clientName, iniSettings, true);
    }

    /**
     * As {@link #start(Path, DummyJack, String, String, Map)} but with its window (on Qt's offscreen platform): only
     * then does 3.9.1 build its mixer board, which restores stored faders by channel name and sends CHANNEL_GAIN.
     */
    public static JamulusClient startWindowed(Path dir, DummyJack jack, String serverAddress, String clientName,
                                              Map<String, String> iniSettings) {
        return start(dir, jack, serverAddress, clientName, iniSettings, false);
    }

    private static JamulusClient start(Path dir, DummyJack jack, String serverAddress, String clientName,
                                       Map<String, String> iniSettings, boolean headless) {
        Path iniFile = dir.resolve("jamulus-client-" + clientName + ".ini");
        if (!iniSettings.isEmpty()) {
            StringBuilder xml = new StringBuilder("<!DOCTYPE TheJamulusProject>\n<client>\n");
            iniSettings.forEach((k, v) -> xml.append(" <").append(k).append('>').append(v).append("</").append(k)
                    .append(">\n"));
            xml.append("</client>\n");
            try {
                java.nio.file.Files.writeString(iniFile, xml);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int rpcPort = FreePorts.tcp();
        Secrets secrets = Secrets.create(dir);
        Path ini = dir.resolve("jamulus-client-" + clientName + ".ini");
        List<String> command = new java.util.ArrayList<>(List.of("Jamulus", "-n", "-i", ini.toString(), "-p", "0",
                "-c", serverAddress, "--clientname", clientName, "--jsonrpcport", Integer.toString(rpcPort),
                "--jsonrpcsecretfile", secrets.file().toString()));
        if (!headless) {
            command.remove("-n");
        }
        Map<String, String> env = new HashMap<>(jack.env());
        env.put("QT_QPA_PLATFORM", "offscreen");
        ManagedProcess process = ManagedProcess.start("Jamulus client " + clientName, command, env,
                dir.resolve("jamulus-client-" + clientName + ".log"));
        try {
            RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(15));
            return new JamulusClient(process, rpc, "Jamulus " + clientName);
        } catch (RuntimeException e) {
            String log = process.logText();
            process.close();
            throw new IllegalStateException("Jamulus client did not start: " + e.getMessage() + "\n" + log, e);
        }
    }

    /** An authenticated JSON-RPC connection to this client; it receives the jamulusclient/* notifications. */
    public RpcTestClient rpc() {
        return rpc;
    }

    /**
     * Waits until the client calls itself connected ({@code getClientInfo}): only once the server's audio streams back,
     * some time after the server already lists it. Until then it refuses to send chat.
     */
    public void awaitConnected(Duration limit) {
        Await.until(jackName + " connected", limit, () -> rpc().result("jamulusclient/getClientInfo", Json.object())
                .getAsJsonObject().get("connected").getAsBoolean());
    }

    public ManagedProcess process() {
        return process;
    }

    /** JACK input ports (left, right): what the musician plays. */
    public List<String> inputPorts() {
        return List.of(jackName + ":input left", jackName + ":input right");
    }

    /** JACK output ports (left, right): what the musician hears (the server's mix). */
    public List<String> outputPorts() {
        return List.of(jackName + ":output left", jackName + ":output right");
    }

    /** Stops the client as a user would (SIGTERM: it sends CLM_DISCONNECTION to the server). */
    @Override
    public void close() {
        rpc.close();
        process.close();
    }
}
