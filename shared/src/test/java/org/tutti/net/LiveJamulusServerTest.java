package org.tutti.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.*;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.NetworkTransportProps;
import org.tutti.protocol.SkillLevel;

/**
 * Our codec and reliable channel against a real Jamulus 3.9.1 server on 127.0.0.1: we play a minimal client
 * (keep-alive datagrams instead of real audio), answer the server's requests, send a short and a split chat, and
 * check that the server accepted everything (all our messages ACKed, our profile in its client list, both chats
 * echoed back, the long one split by the server and joined by us).
 */
class LiveJamulusServerTest {
    private static final Path JAMULUS = Path.of("/usr/bin/Jamulus");
    private static final long MS = 1_000_000L;

    @Test
    @Timeout(60)
    void realServerAcceptsOurMessagesAndWeUnderstandItsReplies() throws Exception {
        requireJamulus();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = freeUdpPort();
            Process server = new ProcessBuilder(JAMULUS.toString(), "-s", "-n", "-p", String.valueOf(port), "-u", "5",
                    "-w", "Hello from the test").redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("jamulus-server", ".log").toFile()).start();
            try {
                run(socket, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } finally {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    private void run(DatagramSocket socket, InetSocketAddress server) throws Exception {
        List<ConnectedMessage> received = new ArrayList<>();
        List<ConnectionlessMessage> clms = new ArrayList<>();
        ReliableChannel[] ch = new ReliableChannel[1];
        ch[0] = new ReliableChannel((d, off, len) -> send(socket, server, d, off, len), m -> {
            received.add(m);
            long now = System.nanoTime();
            switch (m) {
                case ReqSplitMessSupport r -> {
                    ch[0].send(new SplitMessSupported(), now);
                    ch[0].splitSupported(true);
                }
                case ReqTransportProps r -> ch[0].send(new TransportProps(
                        NetworkTransportProps.of(AudioCodec.OPUS64, 1, 22, 1, false)), now);
                case ReqJitterBufferSize r -> ch[0].send(new JitterBufferSize(JitterBufferSize.AUTO), now);
                case ReqChannelInfos r -> ch[0].send(new ChannelInfos(
                        ChannelInfo.truncating(82, 10, SkillLevel.EXPERT, "Tutti", "Berlin")), now);
                default -> { }
            }
        });
        waitForServer(socket, server);
        String longChat = "split me ".repeat(150);
        boolean chatsSent = false;
        long deadline = System.nanoTime() + 30_000 * MS;
        byte[] buf = new byte[20000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.setSoTimeout(10);
        while (System.nanoTime() < deadline && !sawChat(received, longChat.substring(0, 40), 1300)) {
            send(socket, server, new byte[5], 0, 5); // wrong-size "audio": creates the channel and keeps it alive
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
                switch (DatagramKind.classify(buf, 0, packet.getLength())) {
                    case CONNECTED -> ch[0].onReceive(buf, 0, packet.getLength(), System.nanoTime());
                    case CONNECTIONLESS -> clms.add((ConnectionlessMessage) MessageCodec.decodeFrame(buf, 0,
                            packet.getLength()));
                    case AUDIO -> { }
                }
            } catch (SocketTimeoutException idle) {
                // nothing this time
            }
            ch[0].poll(System.nanoTime());
            if (!chatsSent && received.stream().anyMatch(m -> m instanceof ConnectedMessage.ConnClientsList l
                    && !l.clients().isEmpty() && l.clients().getFirst().info().name().equals("Tutti"))) {
                ch[0].send(new ChatText("hello from tutti"), System.nanoTime());
                ch[0].send(new ChatText(longChat), System.nanoTime());
                chatsSent = true;
            }
        }
        byte[] bye = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
        send(socket, server, bye, 0, bye.length);

        assertThat(received).startsWith(new ClientId(0));
        assertThat(received).contains(new ConnectedMessage.VersionAndOs(2, "3.9.1"));
        assertThat(received).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(ChatText.class,
                c -> assertThat(c.text()).contains("Hello from the test")));
        assertThat(received).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(
                ConnectedMessage.ConnClientsList.class, l -> assertThat(l.clients()).singleElement()
                        .satisfies(e -> assertThat(e.info()).isEqualTo(new ChannelInfo(82, 10, 3, "Tutti", "Berlin")))));
        assertThat(sawChat(received, "hello from tutti", 0)).isTrue();
        assertThat(sawChat(received, longChat.substring(0, 40), 1300)).as("long chat echoed (split both ways)").isTrue();
        assertThat(ch[0].pendingCount()).as("all our messages ACKed").isZero();
        assertThat(ch[0].malformed()).isZero();
        assertThat(clms).allSatisfy(m -> assertThat(m).isNotInstanceOf(ConnectionlessMessage.Unknown.class));
    }

    private static boolean sawChat(List<ConnectedMessage> received, String text, int minLength) {
        return received.stream().anyMatch(m -> m instanceof ChatText(String t) && t.contains(text)
                && t.contains("<b>Tutti</b>") && t.length() > minLength);
    }

    private static void waitForServer(DatagramSocket socket, InetSocketAddress server) throws Exception {
        byte[] req = MessageCodec.encodeFrame(new ConnectionlessMessage.ReqVersionAndOs(), 0);
        byte[] buf = new byte[2000];
        socket.setSoTimeout(200);
        for (int i = 0; i < 50; i++) {
            send(socket, server, req, 0, req.length);
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                if (MessageCodec.decodeFrame(buf, 0, p.getLength()) instanceof ConnectionlessMessage.VersionAndOs) {
                    return;
                }
            } catch (SocketTimeoutException | MalformedMessageException notYet) {
                // retry
            }
        }
        fail("Jamulus server did not answer CLM_REQ_VERSION_AND_OS");
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] d, int off, int len) {
        try {
            socket.send(new DatagramPacket(d, off, len, to));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireJamulus() {
        if (!Files.isExecutable(JAMULUS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + JAMULUS + " is missing");
            }
            Assumptions.abort(JAMULUS + " not installed: skipping the live interop test");
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
