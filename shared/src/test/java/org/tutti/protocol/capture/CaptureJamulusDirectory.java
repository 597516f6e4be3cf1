package org.tutti.protocol.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tutti.protocol.ConnectionlessMessage;

/**
 * Run once by hand to (re)create {@code fixtures/jamulus-3.9.1-directory.txt}: a real Jamulus 3.9.1 server
 * registers through {@link UdpCaptureProxy} with a real 3.9.1 directory (registration, response, keep-alives and,
 * on SIGTERM, unregistration); this tool asks the directory for its server list and pings the registered server.
 *
 * <pre>java -cp shared/target/classes:shared/target/test-classes \
 *   org.tutti.protocol.capture.CaptureJamulusDirectory shared/src/test/resources/fixtures/jamulus-3.9.1-directory.txt</pre>
 */
public final class CaptureJamulusDirectory {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "jamulus-3.9.1-directory.txt");
        Path logs = java.nio.file.Files.createTempDirectory("tutti-capture-dir");
        int directoryPort = CaptureJamulusExchange.freeUdpPort();
        int serverPort = CaptureJamulusExchange.freeUdpPort();
        List<Process> started = new ArrayList<>();
        try (UdpCaptureProxy proxy = new UdpCaptureProxy(directoryPort)) {
            CaptureJamulusExchange.start(started, logs.resolve("directory.log"), null, "Jamulus", "-s", "-n", "-p",
                    String.valueOf(directoryPort), "-e", "127.0.0.1", "-o", "MyDir;DirCity;82", "-u", "10");
            Thread.sleep(1500);
            CaptureJamulusExchange.start(started, logs.resolve("server.log"), null, "Jamulus", "-s", "-n", "-p",
                    String.valueOf(serverPort), "-e", "127.0.0.1:" + proxy.port(), "-o", "Reg Server;Paris;74",
                    "-u", "12", "--serverpublicip", "192.0.2.2");
            Thread.sleep(3000);
            CaptureJamulusExchange.clmExchange(proxy, directoryPort, List.of(new ConnectionlessMessage.ReqServerList(),
                    new ConnectionlessMessage.ReqVersionAndOs()));
            CaptureJamulusExchange.clmExchange(proxy, serverPort, List.of(
                    new ConnectionlessMessage.PingMsWithNumClients(777, 0), new ConnectionlessMessage.ReqConnClientsList(),
                    new ConnectionlessMessage.ReqServerList()));
            CaptureJamulusExchange.stop(started.removeLast()); // registered server: sends CLM_UNREGISTER_SERVER
            Thread.sleep(1000);
            CaptureJamulusExchange.write(out, proxy.captured(),
                    "# Captured by CaptureJamulusDirectory: Debian Jamulus 3.9.1 server (c) registering with a 3.9.1\n"
                            + "# directory (s) through a proxy; t2s/s2t: the tool's own CLM requests to directory and server.\n"
                            + "# Format: <direction> <ms since start> <kind> <hex datagram>.\n");
        } finally {
            while (!started.isEmpty()) {
                CaptureJamulusExchange.stop(started.removeLast());
            }
        }
    }
}
