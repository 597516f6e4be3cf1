package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.Frame;
import org.tutti.protocol.MessageId;

/**
 * Out-of-range values in connected messages (issue #10): a u16 pan or gain beyond unity, a channel ID beyond the
 * server's slots. The server must clamp or ignore them and keep mixing for everyone.
 */
class HostileValuesTest {
    private static final double AMPLITUDE = 8000;

    /**
     * Regression (found by reading the mixer while writing the fault tests): with delay panning (-P) a pan of 65535
     * meant a 189-sample delay, beyond the 64-sample history, and the mix tick threw an index exception.
     */
    @Test
    void panAndGainBeyondUnityAreClampedAndOutOfRangeChannelsIgnored() throws Exception {
        ServerConfig config = new ServerConfig(null, 0, 4, false, false, true, "", false, "", "", 0, 128, false,
                null, null, false);
        try (ServerEngine engine = ServerEngine.start(config, null);
             AudioTestClient source = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 1, 22, "source");
             AudioTestClient listener = new AudioTestClient(engine.port(), AudioCodec.OPUS64, 2, 35, "listener")) {
            source.play(AMPLITUDE, false);
            listener.control().send(new ConnectedMessage.ChannelGain(listener.channelId, 0)); // hear only the source
            listener.control().send(new ConnectedMessage.ChannelPan(source.channelId, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelGain(source.channelId, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelGain(255, 0xFFFF));
            listener.control().send(new ConnectedMessage.ChannelPan(255, 0xFFFF));
            Thread.sleep(3400);
            int[] levels = listener.measure(400);
            assertThat(engine.counters().snapshot().ticks()).as("engine still ticking").isPositive();
            assertThat(engine.clients()).as("both channels alive").hasSize(2);
            // Hard right by delay: both sides at full level (a gain of 2 would be at most double, never silence).
            assertThat(levels[0]).as("left level").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(levels[1]).as("right level").isGreaterThan((int) (AMPLITUDE * 0.7));
            assertThat(levels[0]).as("left level not amplified beyond Jamulus's maximum gain of 2")
                    .isLessThan((int) (AMPLITUDE * 2.2));
        }
    }

    @Test
    void oversizedAndInvalidUtf8StringsAreRejectedOrReplaced() throws Exception {
        try (ServerEngine engine = ServerEngine.start(ServerConfig.defaults(0, 4), null);
             ScriptedClient c = new ScriptedClient(engine.port())) {
            c.sendSilentAudio(46);
            assertThat(c.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(3))).isNotNull();
            long malformedBefore = engine.counters().snapshot().malformedMessages();
            // A 300-byte name (limit 16 characters): rejected as malformed, not truncated into the list.
            c.sendRaw(Frame.build(MessageId.CHANNEL_INFOS, 100, channelInfos("x".repeat(300).getBytes(StandardCharsets.UTF_8))));
            // Invalid UTF-8 in the name: decoded as Jamulus (Qt) does, malformed sequences become U+FFFD.
            c.sendRaw(Frame.build(MessageId.CHANNEL_INFOS, 101, channelInfos(new byte[] {'A', (byte) 0xFF, (byte) 0xC0, 'B'})));
            // A 5000-character chat (limit 1800): rejected, nobody receives it.
            byte[] chat = "y".repeat(5000).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(chat.length & 0xFF);
            body.write(chat.length >>> 8);
            body.write(chat);
            c.sendRaw(Frame.build(MessageId.CHAT_TEXT, 102, body.toByteArray()));
            Thread.sleep(500);
            assertThat(engine.counters().snapshot().malformedMessages() - malformedBefore)
                    .as("oversized name and chat counted as malformed").isEqualTo(2);
            String name = engine.clients().getFirst().info().name();
            assertThat(name).isEqualTo("A\uFFFD\uFFFDB");
            ConnectedMessage.ChatText got = c.await(ConnectedMessage.ChatText.class, Duration.ofMillis(500));
            assertThat(got == null || !got.text().contains("yyyy")).as("oversized chat not broadcast").isTrue();
        }
    }

    /** CHANNEL_INFOS body: country u16, instrument u32, skill u8, name str16 (raw bytes), city str16 (empty). */
    private static byte[] channelInfos(byte[] nameBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0});
        b.write(nameBytes.length & 0xFF);
        b.write(nameBytes.length >>> 8);
        b.writeBytes(nameBytes);
        b.writeBytes(new byte[] {0, 0});
        return b.toByteArray();
    }
}
