package org.tutti.client.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tutti.backend.testing.DummyJackd;

/**
 * The real Jamulus 3.9.1 (/usr/bin/Jamulus or PATH) as a server or headless client, with JSON-RPC enabled. Private to
 * the client's tests until the shared interop harness is merged.
 */
public final class JamulusProcess implements AutoCloseable {
    public static final String SECRET = "tutti-test-secret-0123456789";
    private final Process process;
    private final Path log;
    private final int udpPort;
    private final RpcClient rpc;

    private JamulusProcess(Process process, Path log, int udpPort, RpcClient rpc) {
        this.process = process;
        this.log = log;
        this.udpPort = udpPort;
        this.rpc = rpc;
    }

    /** Skips without Jamulus, unless CI=true where a missing peer fails. */
    public static void assumeInstalled() {
        boolean present = DummyJackd.onPath("Jamulus");
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("Jamulus is not installed, but CI=true requires it (apt-get install jamulus)");
        }
        assumeTrue(present, "Jamulus is not installed; skipping interop test");
    }

    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path secretFile() throws IOException {
        Path f = Files.createTempFile("jamulus-secret", ".txt");
        Files.writeString(f, SECRET + "\n");
        return f;
    }

    public static JamulusProcess server(String... extra) throws Exception {
        assumeInstalled();
        int port = freeUdpPort();
        int rpcPort = freeTcpPort();
        List<String> cmd = new ArrayList<>(List.of("Jamulus", "-s", "-n", "-p", Integer.toString(port), "-u", "20",
                "--jsonrpcport", Integer.toString(rpcPort), "--jsonrpcsecretfile", secretFile().toString()));
        cmd.addAll(List.of(extra));
        return start(new ProcessBuilder(cmd), port, rpcPort);
    }

    /** A headless real client (needs the running {@code jackd}). */
    public static JamulusProcess client(DummyJackd jackd, int serverPort, String name) throws Exception {
        assumeInstalled();
        int rpcPort = freeTcpPort();
        // A private ini file: the musician name comes from the profile there, not from --clientname.
        Path ini = Files.createTempFile("jamulus-client", ".ini");
        List<String> cmd = List.of("Jamulus", "-n", "-i", ini.toString(), "-c", "127.0.0.1:" + serverPort,
                "--clientname", name, "--jsonrpcport", Integer.toString(rpcPort), "--jsonrpcsecretfile",
                secretFile().toString());
        JamulusProcess p = start(jackd.clientProcess(cmd), -1, rpcPort);
        p.rpc.call("jamulusclient/setName", java.util.Map.of("name", name));
        return p;
    }

    private static JamulusProcess start(ProcessBuilder pb, int port, int rpcPort) throws Exception {
        Path log = Files.createTempFile("jamulus", ".log");
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            RpcClient rpc = RpcClient.connect(rpcPort, SECRET, Duration.ofSeconds(15));
            return new JamulusProcess(p, log, port, rpc);
        } catch (Exception e) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new IOException("Jamulus did not start: " + Files.readString(log), e);
        }
    }

    public int udpPort() {
        return udpPort;
    }

    public RpcClient rpc() {
        return rpc;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        rpc.close();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
