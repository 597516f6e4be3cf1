package org.tutti.protocol.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MessageCodec;

/**
 * Run once by hand to (re)create the golden fixture {@code fixtures/jamulus-3.9.1-exchange.txt}: a real Jamulus
 * 3.9.1 headless client (on its own dummy jackd) connects through {@link UdpCaptureProxy} to a real 3.9.1 server;
 * over the client's JSON-RPC we set a name and send a short and a long (split) chat; then this tool sends CLM ping,
 * version and client-list requests straight to the server. All protocol frames are written; audio is sampled.
 *
 * <pre>java -cp shared/target/classes:shared/target/test-classes \
 *   org.tutti.protocol.capture.CaptureJamulusExchange shared/src/test/resources/fixtures/jamulus-3.9.1-exchange.txt</pre>
 */
public final class CaptureJamulusExchange {
    private static final String SECRET = "tutti-capture-secret-0123456789";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "jamulus-3.9.1-exchange.txt");
        Path work = Files.createTempDirectory("tutti-capture");
        Path secretFile = work.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        String jackName = "tutti-capture-" + ProcessHandle.current().pid();
        int serverPort = freeUdpPort();
        int clientRpc = freeTcpPort();
        List<Process> started = new ArrayList<>();
        Process jackd = start(started, work.resolve("jackd.log"), null,
                "jackd", "-n", jackName, "-d", "dummy", "-r", "48000", "-p", "128");
        try (UdpCaptureProxy proxy = new UdpCaptureProxy(serverPort)) {
            start(started, work.resolve("server.log"), null, "Jamulus", "-s", "-n", "-p", String.valueOf(serverPort),
                    "-u", "20", "-w", "Welcome to the <b>capture</b> server");
            Thread.sleep(1500);
            start(started, work.resolve("client.log"), jackName, "Jamulus", "-n", "-c", "127.0.0.1:" + proxy.port(),
                    "--clientname", "capture", "--jsonrpcport", String.valueOf(clientRpc), "--jsonrpcsecretfile",
                    secretFile.toString());
            Thread.sleep(4000);
            try (Socket rpc = connectRpc(clientRpc)) {
                Writer w = new OutputStreamWriter(rpc.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader r = new BufferedReader(new InputStreamReader(rpc.getInputStream(), StandardCharsets.UTF_8));
                call(w, r, 1, "jamulus/apiAuth", "{\"secret\":\"" + SECRET + "\"}");
                call(w, r, 2, "jamulusclient/setName", "{\"name\":\"Alice\"}");
                Thread.sleep(1500);
                call(w, r, 3, "jamulusclient/sendChatText", "{\"chatText\":\"hi <x> & \\u00fc\"}");
                Thread.sleep(1000);
                call(w, r, 4, "jamulusclient/sendChatText", "{\"chatText\":\"" + "long chat ".repeat(130) + "\"}");
                Thread.sleep(2500);
            }
            clmExchange(proxy, serverPort, List.of(new ConnectionlessMessage.PingMs(123456),
                    new ConnectionlessMessage.PingMsWithNumClients(654321, 0),
                    new ConnectionlessMessage.ReqVersionAndOs(), new ConnectionlessMessage.ReqConnClientsList()));
            Thread.sleep(500);
            stop(started.removeLast()); // client first: it sends CLM_DISCONNECTION
            Thread.sleep(500);
            write(out, proxy.captured());
        } finally {
            while (!started.isEmpty()) {
                stop(started.removeLast());
            }
            stop(jackd);
        }
    }

    /** CLM ping, version and client-list requests from our own socket, straight to the server. */
    static void clmExchange(UdpCaptureProxy proxy, int serverPort, List<ConnectionlessMessage> requests)
            throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(300);
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
            for (ConnectionlessMessage m : requests) {
                byte[] frame = MessageCodec.encodeFrame(m, 0);
                proxy.record("t2s", frame);
                s.send(new DatagramPacket(frame, frame.length, server));
                byte[] buf = new byte[20000];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    while (true) {
                        s.receive(p);
                        proxy.record("s2t", java.util.Arrays.copyOf(buf, p.getLength()));
                    }
                } catch (SocketTimeoutException done) {
                    // no more answers
                }
            }
        }
    }

    /** Protocol frames in full; of the audio only the first 10 and then every 250th per direction. */
    static void write(Path out, List<UdpCaptureProxy.Captured> captured) throws IOException {
        write(out, captured, "# Captured by CaptureJamulusExchange: Debian Jamulus 3.9.1 headless client <-> 3.9.1 server.\n"
                + "# Format: <direction> <ms since start> <kind> <hex datagram>. c2s/s2c through the proxy,\n"
                + "# t2s/s2t the tool's own CLM exchange with the server. Audio is sampled, frames complete.\n");
    }

    static void write(Path out, List<UdpCaptureProxy.Captured> captured, String header) throws IOException {
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder(header);
        int[] audioSeen = new int[2];
        for (UdpCaptureProxy.Captured c : captured) {
            DatagramKind kind = DatagramKind.classify(c.bytes(), 0, c.bytes().length);
            if (kind == DatagramKind.AUDIO) {
                int dir = c.direction().equals("c2s") ? 0 : 1;
                int n = audioSeen[dir]++;
                if (n >= 10 && n % 250 != 0) {
                    continue;
                }
            }
            sb.append(c.direction()).append(' ').append(c.atMs()).append(' ').append(kind.name().toLowerCase())
                    .append(' ').append(hex.formatHex(c.bytes())).append('\n');
        }
        Files.writeString(out, sb.toString());
        System.out.println("wrote " + out + " (" + captured.size() + " datagrams captured, audio c2s/s2c "
                + audioSeen[0] + "/" + audioSeen[1] + ")");
    }

    private static void call(Writer w, BufferedReader r, int id, String method, String params) throws IOException {
        w.write("{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}\n");
        w.flush();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.contains("\"id\":" + id)) {
                System.out.println(method + " -> " + line);
                return;
            }
        }
        throw new IOException("JSON-RPC connection closed waiting for " + method);
    }

    private static Socket connectRpc(int port) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (i > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static Process start(List<Process> started, Path log, String jackServer, String... command)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (jackServer != null) {
            pb.environment().put("JACK_DEFAULT_SERVER", jackServer);
        }
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        Process p = pb.start();
        started.add(p);
        System.out.println("started " + String.join(" ", command) + " (pid " + p.pid() + ", log " + log + ")");
        return p;
    }

    /** SIGTERM, then wait: jackd leaves stale /dev/shm entries if killed harder. */
    static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
