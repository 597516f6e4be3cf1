package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.protocol.ConnectedMessage.*;
import org.tutti.protocol.ConnectionlessMessage.*;

class MessageCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ChannelInfo ALICE = new ChannelInfo(82, 3, 2, "Alice", "Town");

    static Stream<Message> everyMessageType() {
        ServerRegistration reg = new ServerRegistration(24301, 74, 12, false, "Fake", "192.0.2.2", "Lyon");
        return Stream.of(new Ack(32), new JitterBufferSize(21), new ReqJitterBufferSize(), new ChannelGain(3, 32768),
                new ConnectedMessage.ReqConnClientsList(), new ChatText("hi <x> & ü 🎻"),
                new TransportProps(NetworkTransportProps.of(AudioCodec.OPUS, 1, 45, 1, true)),
                new ReqTransportProps(), new ReqChannelInfos(),
                new ConnectedMessage.ConnClientsList(List.of(new ClientListEntry(0, ALICE),
                        new ClientListEntry(1, ChannelInfo.EMPTY))),
                new ChannelInfos(ALICE), new OpusSupported(), new LicenceRequired(LicenceType.CREATIVE_COMMONS),
                new ReqChannelLevelList(true), new ConnectedMessage.VersionAndOs(2, "3.9.1"),
                new ChannelPan(1, GainPan.PAN_CENTRE), new MuteStateChanged(4, true), new ClientId(7),
                new RecorderStateMessage(RecorderState.RECORDING), new ReqSplitMessSupport(),
                new SplitMessSupported(), new RawAudioSupported(), new SplitPart(18, 3, 1, new byte[] {1, 2, 3}),
                new Obsolete(19, new byte[] {1, 2, 3, 4}), new ConnectedMessage.Unknown(99, new byte[] {5}),
                new PingMs(-5), new PingMsWithNumClients(123, 4), new ServerFull(), new RegisterServer(reg),
                new UnregisterServer(),
                new ServerList(List.of(new ServerListEntry(0, 0, 0, 10, true, "MyDir", "", "DirCity"),
                        new ServerListEntry(0x7F000001, 22124, 82, 10, false, "Srv", "", "Berlin"))),
                new ReqServerList(), new SendEmptyMessage(0x7F000001, 22124), new EmptyMessage(),
                new Disconnection(), new ConnectionlessMessage.VersionAndOs(0, "3.9.1"), new ReqVersionAndOs(),
                new ConnectionlessMessage.ConnClientsList(List.of(new ClientListEntry(2, ALICE))),
                new ConnectionlessMessage.ReqConnClientsList(), new ChannelLevelList(new byte[] {3, 7, 7}),
                new ChannelLevelList(new byte[] {1, 2}), new RegisterServerResp(RegistrationResult.VERSION_TOO_OLD),
                new RegisterServerEx(reg, 2, "3.9.1"),
                new ReducedServerList(List.of(new ReducedServerListEntry(0x0A000001, 22124, "Näme"))),
                new ServerFeatures(1 << 6), new ReqServerFeatures(), new WelcomeMessage("Welcome!"),
                new ReqWelcomeMessage(), new ConnectionlessMessage.Unknown(1999, new byte[] {9, 9}));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void everyMessageRoundTrips(Message m) throws Exception {
        byte[] frame = MessageCodec.encodeFrame(m, 17);
        assertThat(DatagramKind.classify(frame, 0, frame.length)).isEqualTo(
                MessageId.isConnectionless(m.id()) ? DatagramKind.CONNECTIONLESS : DatagramKind.CONNECTED);
        assertThat(MessageCodec.decodeFrame(frame, 0, frame.length)).isEqualTo(m);
    }

    @Test
    void documentedBodiesDecode() throws Exception {
        assertThat(body(MessageId.CLM_CHANNEL_LEVEL_LIST, "73f7")).isEqualTo(new ChannelLevelList(new byte[] {3, 7, 7}));
        assertThat(body(MessageId.CLM_CHANNEL_LEVEL_LIST, "f7")).isEqualTo(new ChannelLevelList(new byte[] {7}));
        assertThat(body(MessageId.NETW_TRANSPORT_PROPS, "2d000000010001" + "80bb0000" + "0200" + "0000" + "00000000"))
                .isEqualTo(new TransportProps(new NetworkTransportProps(45, 1, 1, 48000, 2, 0, 0)));
        assertThat(body(MessageId.CONN_CLIENTS_LIST, "0052000300000002000000000500416c6963650400546f776e"))
                .isEqualTo(new ConnectedMessage.ConnClientsList(List.of(new ClientListEntry(0, ALICE))));
        assertThat(body(MessageId.CLM_REGISTER_SERVER_EX,
                "ed5e4a000c000400" + hex("Fake") + "0900" + hex("192.0.2.2") + "0400" + hex("Lyon") + "020500"
                        + hex("3.9.1")))
                .isEqualTo(new RegisterServerEx(new ServerRegistration(24301, 74, 12, false, "Fake", "192.0.2.2",
                        "Lyon"), 2, "3.9.1"));
    }

    @Test
    void stringLimitsAreCheckedInUtf16UnitsOnDecode() throws Exception {
        String sixteen = "ü".repeat(16); // 32 UTF-8 bytes, 16 UTF-16 units: allowed
        assertThat(body(MessageId.CHANNEL_INFOS, "0000" + "00000000" + "00" + "2000" + hex(sixteen) + "0000"))
                .isEqualTo(new ChannelInfos(new ChannelInfo(0, 0, 0, sixteen, "")));
        String seventeen = "a".repeat(17);
        assertMalformed(MessageId.CHANNEL_INFOS, "0000" + "00000000" + "00" + "1100" + hex(seventeen) + "0000",
                "name longer than 16");
        assertMalformed(MessageId.CHAT_TEXT, "0907" + hex("x".repeat(1801)), "longer than 1800");
        assertThat(body(MessageId.CHAT_TEXT, "0807" + hex("x".repeat(1800)))).isEqualTo(new ChatText("x".repeat(1800)));
    }

    @Test
    void badBodiesAreRejectedWithAReason() {
        assertMalformed(MessageId.ACKN, "20", "body length 1");
        assertMalformed(MessageId.JITT_BUF_SIZE, "1600", "not 1..21");
        assertMalformed(MessageId.CHAT_TEXT, "0500616263", "too short");
        assertMalformed(MessageId.CHAT_TEXT, "010061ff", "trailing");
        assertMalformed(MessageId.NETW_TRANSPORT_PROPS, "2d000000030001" + "80bb0000" + "0200" + "0000" + "00000000",
                "block factor 3");
        assertMalformed(MessageId.RECORDER_STATE, "00", "recorder state");
        assertMalformed(MessageId.CONN_CLIENTS_LIST, "0052000300", "cut short");
        assertMalformed(MessageId.CLM_REGISTER_SERVER, "ed5e4a000c000000" + "0300" + hex("abc") + "0000",
                "internal address");
        assertMalformed(MessageId.CLM_CHANNEL_LEVEL_LIST, "00".repeat(76), "75 bytes");
        assertMalformed(MessageId.SPECIAL_SPLIT_MESSAGE, "120003", "4 bytes");
    }

    @Test
    void emptyBodyMessagesIgnoreExtraBytesLikeJamulus() throws Exception {
        assertThat(body(MessageId.REQ_SPLIT_MESS_SUPPORT, "0102")).isEqualTo(new ReqSplitMessSupport());
    }

    @Test
    void recordsRejectOverLongStringsAndTruncatingFactoriesCut() {
        assertThatThrownBy(() -> new ChatText("x".repeat(1801))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChatText.truncating("x".repeat(2000)).text()).hasSize(1800);
        String violins = "🎻".repeat(9); // 18 UTF-16 units
        assertThat(ChannelInfo.truncating(0, 0, SkillLevel.EXPERT, violins, "").name()).isEqualTo("🎻".repeat(8));
        assertThat(StringLimits.truncate("a" + "🎻".repeat(8), 16)).isEqualTo("a" + "🎻".repeat(7));
    }

    @Test
    void gainAndPanUseTheJamulusScale() {
        assertThat(GainPan.toWire(1.0)).isEqualTo(32768);
        assertThat(GainPan.toWire(0.5)).isEqualTo(GainPan.PAN_CENTRE);
        assertThat(GainPan.toWire(0.0)).isZero();
        assertThat(GainPan.toWire(3.0)).isEqualTo(65535);
        assertThat(GainPan.fromWire(65535)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(MessageCodec.encodeBody(new ChannelGain(2, GainPan.toWire(0.5)))).containsExactly(2, 0x00, 0x40);
    }

    @Test
    void connectionlessFramesUseCounterZero() {
        assertThat(MessageCodec.encodeFrame(new ReqVersionAndOs()))
                .isEqualTo(HexFormat.ofDelimiter(" ").parseHex("00 00 f4 03 00 00 00 bd 23"));
    }

    private static String hex(String s) {
        return HEX.formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Message body(int id, String hex) throws MalformedMessageException {
        byte[] b = HEX.parseHex(hex);
        return MessageCodec.decode(id, b, 0, b.length);
    }

    private static void assertMalformed(int id, String hex, String reason) {
        assertThatThrownBy(() -> body(id, hex)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(reason);
    }
}
