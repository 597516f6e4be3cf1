package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.net.ReliableChannel;

/**
 * Golden fixture: a real Jamulus 3.9.1 client ↔ 3.9.1 server exchange (captured by
 * {@link org.tutti.protocol.capture.CaptureJamulusExchange}), including welcome and split chats, a name change,
 * channel levels, CLM ping/version/client-list and the client's disconnect.
 */
class CapturedExchangeTest {
    record Line(String direction, String kind, byte[] bytes) {
    }

    private static List<Line> lines;

    @BeforeAll
    static void load() throws IOException {
        lines = load("jamulus-3.9.1-exchange.txt");
    }

    static List<Line> load(String fixture) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = CapturedExchangeTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split(" ");
                lines.add(new Line(f[0], f[2], HexFormat.of().parseHex(f[3])));
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jamulus-3.9.1-exchange.txt", "jamulus-3.9.1-directory.txt"})
    void everyCapturedFrameDecodesAndReencodesToTheSameBytes(String fixture) throws Exception {
        int frames = 0;
        for (Line l : load(fixture)) {
            DatagramKind kind = DatagramKind.classify(l.bytes(), 0, l.bytes().length);
            assertThat(kind.name().toLowerCase()).isEqualTo(l.kind());
            if (kind != DatagramKind.AUDIO) {
                Message m = MessageCodec.decodeFrame(l.bytes(), 0, l.bytes().length);
                assertThat(m).isNotInstanceOfAny(ConnectedMessage.Unknown.class, ConnectionlessMessage.Unknown.class);
                assertThat(MessageCodec.encodeFrame(m, Frame.counter(l.bytes(), 0))).as(m.toString())
                        .isEqualTo(l.bytes());
                frames++;
            }
        }
        assertThat(frames).isGreaterThan(10);
    }

    @Test
    void theDirectoryCaptureHasRegistrationAndLists() throws Exception {
        List<Message> messages = new ArrayList<>();
        for (Line l : load("jamulus-3.9.1-directory.txt")) {
            messages.add(MessageCodec.decodeFrame(l.bytes(), 0, l.bytes().length));
        }
        // the registering server ran with -p 49785 -o "Reg Server;Paris;74" -u 12 --serverpublicip 192.0.2.2
        ServerRegistration registration = new ServerRegistration(49785, 74, 12, false, "Reg Server", "192.0.2.2",
                "Paris");
        assertThat(messages).contains(new ConnectionlessMessage.RegisterServerEx(registration, 2, "3.9.1"),
                new ConnectionlessMessage.RegisterServerResp(RegistrationResult.REGISTERED),
                new ConnectionlessMessage.UnregisterServer());
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(
                ConnectionlessMessage.ServerList.class, l -> {
                    assertThat(l.servers().getFirst()).isEqualTo(
                            new ServerListEntry(0, 0, 82, 10, true, "MyDir", "", "DirCity"));
                    assertThat(l.servers().get(1).name()).isEqualTo("Reg Server");
                    assertThat(Ipv4.toText(l.servers().get(1).ipv4())).isEqualTo("127.0.0.1");
                }));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(
                ConnectionlessMessage.ReducedServerList.class,
                l -> assertThat(l.servers()).extracting(ReducedServerListEntry::name).containsExactly("MyDir", "Reg Server")));
    }


    @Test
    void theCaptureContainsWhatWeCameFor() throws Exception {
        List<Message> messages = new ArrayList<>();
        for (Line l : lines) {
            if (!l.kind().equals("audio")) {
                messages.add(MessageCodec.decodeFrame(l.bytes(), 0, l.bytes().length));
            }
        }
        assertThat(messages).contains(new ConnectedMessage.ClientId(0), new ConnectedMessage.ReqSplitMessSupport(),
                new ConnectedMessage.SplitMessSupported(), new ConnectedMessage.VersionAndOs(2, "3.9.1"),
                new ConnectedMessage.TransportProps(new NetworkTransportProps(46, 1, 1, 48000, 2, 1, 0)),
                new ConnectionlessMessage.VersionAndOs(2, "3.9.1"), new ConnectionlessMessage.Disconnection());
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOf(ConnectedMessage.SplitPart.class));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOf(ConnectionlessMessage.ChannelLevelList.class));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(ConnectedMessage.ChannelInfos.class,
                c -> assertThat(c.info().name()).isEqualTo("Alice")));
    }

    /** Our channel, fed the server's frames, ACKs exactly like the real client and joins the split chat. */
    @Test
    void reliableChannelAcksTheServerStreamLikeTheRealClient() {
        List<byte[]> ourAcks = new ArrayList<>();
        List<ConnectedMessage> delivered = new ArrayList<>();
        ReliableChannel client = new ReliableChannel((d, off, len) -> ourAcks.add(Arrays.copyOfRange(d, off, off + len)),
                delivered::add);
        List<byte[]> realAcks = new ArrayList<>();
        long now = 0;
        for (Line l : lines) {
            if (!l.kind().equals("connected")) {
                continue;
            }
            boolean ack = Frame.id(l.bytes(), 0) == MessageId.ACKN;
            if (l.direction().equals("s2c") && !ack) {
                client.onReceive(l.bytes(), 0, l.bytes().length, now += 1_000_000);
            } else if (l.direction().equals("c2s") && ack) {
                realAcks.add(l.bytes());
            }
        }
        assertThat(ourAcks).hasSameSizeAs(realAcks);
        for (int i = 0; i < realAcks.size(); i++) {
            assertThat(ourAcks.get(i)).as("ACK " + i).isEqualTo(realAcks.get(i));
        }
        assertThat(delivered).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(ConnectedMessage.ChatText.class,
                c -> assertThat(c.text()).contains("long chat long chat").hasSizeGreaterThan(1300)));
    }
}
