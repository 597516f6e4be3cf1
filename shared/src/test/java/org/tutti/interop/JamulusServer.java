package org.tutti.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real Jamulus server ({@code Jamulus -s -n}) on a free UDP port, with JSON-RPC enabled and authenticated. */
public final class JamulusServer implements AutoCloseable {
    private final ManagedProcess process;
    private final int udpPort;
    private final RpcTestClient rpc;

    private JamulusServer(ManagedProcess process, int udpPort, RpcTestClient rpc) {
        this.process = process;
        this.udpPort = udpPort;
        this.rpc = rpc;
    }

    /** Starts a server for {@code maxClients} musicians; {@code extraArgs} are passed as given (e.g. "-F"). */
    public static JamulusServer start(Path dir, int maxClients, String... extraArgs) {
        int udpPort = FreePorts.udp();
        int rpcPort = FreePorts.tcp();
        Secrets secrets = Secrets.create(dir);
        List<String> command = new ArrayList<>(List.of("Jamulus", "-s", "-n", "-p", Integer.toString(udpPort),
                "-u", Integer.toString(maxClients), "--jsonrpcport", Integer.toString(rpcPort),
                "--jsonrpcsecretfile", secrets.file().toString()));
        command.addAll(List.of(extraArgs));
        ManagedProcess process = ManagedProcess.start("Jamulus server :" + udpPort, command,
                Map.of("QT_QPA_PLATFORM", "offscreen"), dir.resolve("jamulus-server-" + udpPort + ".log"));
        try {
            RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(15));
            return new JamulusServer(process, udpPort, rpc);
        } catch (RuntimeException e) {
            String log = process.logText();
            process.close();
            throw new IllegalStateException("Jamulus server did not start: " + e.getMessage() + "\n" + log, e);
        }
    }

    public int udpPort() {
        return udpPort;
    }

    /** An authenticated JSON-RPC connection to the server. */
    public RpcTestClient rpc() {
        return rpc;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        rpc.close();
        process.close();
    }
}
