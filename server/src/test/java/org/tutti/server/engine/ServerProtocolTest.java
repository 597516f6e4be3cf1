package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.Version;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.ChannelInfos;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.ClientId;
import org.tutti.protocol.ConnectedMessage.ConnClientsList;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.LicenceType;
import org.tutti.protocol.Message;
import org.tutti.testing.Await;

/** The server's protocol behaviour (protocol doc §5, §6.4–6.6), driven by scripted clients over real UDP. */
class ServerProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(3);
    /** A 3.9.1 client's mono, normal quality OPUS packet with sequence byte. */
    private static final int AUDIO_BYTES = 46;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private ServerEngine server(ServerConfig config) throws Exception {
        ServerEngine engine = ServerEngine.start(config, null);
        open.add(engine);
        return engine;
    }

    private ScriptedClient client(ServerEngine engine) {
        ScriptedClient c = new ScriptedClient(engine.port());
        open.add(c);
        return c;
    }

    /** Opens a channel with one audio packet and waits for its CLIENT_ID. */
    private static int connect(ScriptedClient c) {
        c.sendSilentAudio(AUDIO_BYTES);
        ClientId id = c.await(ClientId.class, WAIT);
        assertThat(id).as("CLIENT_ID").isNotNull();
        return id.channelId();
    }

    @Test
    void garbageDatagramDoesNotOpenAChannel() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient c = client(engine);
        c.sendRaw(new byte[] {1, 2, 3, 4, 5});
        c.sendRaw(new byte[1000]);
        c.sendClm(new ConnectionlessMessage.ReqConnClientsList());
        var list = c.await(ConnectionlessMessage.ConnClientsList.class, WAIT);
        assertThat(list.clients()).isEmpty();
        assertThat(c.await(ClientId.class, Duration.ofMillis(300))).isNull();
        assertThat(engine.counters().snapshot().garbageDatagrams()).isEqualTo(2);
    }

    /**
     * A client that asks for the client list again and again and never ACKs: the server keeps one list waiting, not
     * one per request (Jamulus queues them all, so memory grows with every request).
     */
    @Test
    void clientListRequestsFromAClientThatNeverAcksDoNotPileUp() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient c = client(engine);
        connect(c);
        c.send(new ChannelInfos(new ChannelInfo(0, 0, 0, "Mallory", "")));
        // the connect sequence is done once the server knows the name
        Await.until("Mallory named", WAIT, () -> engine.clients().stream().anyMatch(x -> x.info().name().equals("Mallory")));
        c.autoAck(false);
        for (int i = 0; i < 200; i++) {
            c.send(new ConnectedMessage.ReqConnClientsList());
        }
        Thread.sleep(500); // all requests handled; the server re-sends its head now and then
        c.clear();
        c.autoAck(true); // from the next re-send on, the queue drains
        int lists = 0;
        while (c.await(ConnClientsList.class, Duration.ofMillis(1500)) != null) {
            lists++;
        }
        assertThat(lists).as("client lists sent after 200 requests").isBetween(1, 3);
    }

    @Test
    void newConnectionGetsJamulusConnectSequence() throws Exception {
        ServerConfig base = ServerConfig.defaults(0, 4).withWelcomeMessage("Hello <i>all</i>");
        ServerConfig config = new ServerConfig(null, 0, 4, false, false, false, base.welcomeMessage(), true, "", "",
                0, 128, false, null, null, false);
        ScriptedClient c = client(server(config));
        c.sendSilentAudio(AUDIO_BYTES);
        List<Message> sequence = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sequence.add(c.next(WAIT));
        }
        assertThat(sequence).extracting(Message::id).containsExactly(32, 24, 34, 21, 11, 23, 18, 27, 29, 33);
        assertThat(sequence.get(0)).isEqualTo(new ClientId(0));
        assertThat(((ConnClientsList) sequence.get(1)).clients()).isEmpty();
        assertThat(sequence.get(6)).isEqualTo(new ChatText("<b>Server Welcome Message:</b> Hello <i>all</i>"));
        assertThat(sequence.get(7)).isEqualTo(new ConnectedMessage.LicenceRequired(LicenceType.CREATIVE_COMMONS));
        var version = (ConnectedMessage.VersionAndOs) sequence.get(8);
        assertThat(version.version()).isEqualTo(Version.version()).hasSizeLessThanOrEqualTo(30);
    }

    @Test
    void unacknowledgedMessageIsResentAndBlocksTheQueue() throws Exception {
        ScriptedClient c = client(server(ServerConfig.defaults(0, 4)));
        c.autoAck(false);
        c.sendSilentAudio(AUDIO_BYTES);
        assertThat(c.await(ConnectedMessage.class, WAIT)).isEqualTo(new ClientId(0));
        // Stop-and-wait: without an ACK the same CLIENT_ID comes again (after 400 ms), nothing else.
        assertThat(c.await(ConnectedMessage.class, WAIT)).isEqualTo(new ClientId(0));
    }

    @Test
    void connectionlessQueriesAreAnswered() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient a = client(engine);
        connect(a);
        ScriptedClient c = client(engine);
        c.sendClm(new ConnectionlessMessage.PingMs(123456));
        assertThat(c.await(ConnectionlessMessage.PingMs.class, WAIT)).isEqualTo(new ConnectionlessMessage.PingMs(123456));
        c.sendClm(new ConnectionlessMessage.PingMsWithNumClients(77, 0));
        assertThat(c.await(ConnectionlessMessage.PingMsWithNumClients.class, WAIT))
                .isEqualTo(new ConnectionlessMessage.PingMsWithNumClients(77, 1));
        c.sendClm(new ConnectionlessMessage.ReqVersionAndOs());
        assertThat(c.await(ConnectionlessMessage.VersionAndOs.class, WAIT).version()).isEqualTo(Version.version());
        c.sendClm(new ConnectionlessMessage.ReqConnClientsList());
        assertThat(c.await(ConnectionlessMessage.ConnClientsList.class, WAIT).clients()).hasSize(1);
    }

    @Test
    void connectionlessAnswersAreRateLimitedPerSource() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient c = client(engine);
        for (int i = 0; i < 200; i++) {
            c.sendClm(new ConnectionlessMessage.ReqConnClientsList());
        }
        int answers = 0;
        while (c.await(ConnectionlessMessage.ConnClientsList.class, Duration.ofMillis(500)) != null) {
            answers++;
        }
        assertThat(answers).isGreaterThan(0).isLessThan(200);
        assertThat(engine.counters().snapshot().clmAnswersDropped()).isEqualTo(200 - answers);
        // Another source still gets its answer.
        ScriptedClient other = client(engine);
        other.sendClm(new ConnectionlessMessage.PingMs(1));
        assertThat(other.await(ConnectionlessMessage.PingMs.class, WAIT)).isNotNull();
    }

    @Test
    void clmDisconnectionRemovesTheChannelAtOnce() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient c = client(engine);
        connect(c);
        assertThat(engine.clients()).hasSize(1);
        c.sendClm(new ConnectionlessMessage.Disconnection());
        Await.until("the channel removed", WAIT, () -> engine.clients().isEmpty());
    }

    @Test
    void fullServerAnswersServerFullAndLowestFreeIdIsReused() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 3));
        ScriptedClient a = client(engine);
        ScriptedClient b = client(engine);
        ScriptedClient c = client(engine);
        assertThat(List.of(connect(a), connect(b), connect(c))).containsExactly(0, 1, 2);
        ScriptedClient late = client(engine);
        late.sendSilentAudio(AUDIO_BYTES);
        assertThat(late.await(ConnectionlessMessage.ServerFull.class, WAIT)).isNotNull();
        b.sendClm(new ConnectionlessMessage.Disconnection());
        Await.until("b's channel freed", WAIT, () -> engine.clients().size() == 2);
        assertThat(connect(late)).isEqualTo(1);
    }

    @Test
    void chatGoesToEveryoneInJamulusFormat() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient a = client(engine);
        ScriptedClient b = client(engine);
        connect(a);
        connect(b);
        a.send(new ChannelInfos(new ChannelInfo(82, 0, 0, "A&B", "")));
        a.send(new ChatText("1 < 2 \"ok\""));
        ChatText received = b.await(ChatText.class, WAIT);
        assertThat(received.text()).matches("<font color=\"mediumblue\">\\(\\d\\d:\\d\\d:\\d\\d [AP]M\\) <b>A&amp;B</b></font> "
                + "1 &lt; 2 &quot;ok&quot;");
        assertThat(a.await(ChatText.class, WAIT)).isEqualTo(received);
    }

    @Test
    void gainCrossingZeroTellsTheMutedClient() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient a = client(engine);
        ScriptedClient b = client(engine);
        int idA = connect(a);
        int idB = connect(b);
        a.send(new ConnectedMessage.ChannelGain(idB, 0));
        assertThat(b.await(ConnectedMessage.MuteStateChanged.class, WAIT))
                .isEqualTo(new ConnectedMessage.MuteStateChanged(idA, true));
        a.send(new ConnectedMessage.ChannelGain(idB, 16384));
        assertThat(b.await(ConnectedMessage.MuteStateChanged.class, WAIT))
                .isEqualTo(new ConnectedMessage.MuteStateChanged(idA, false));
    }

    @Test
    void clientListAndLevelListHaveTheSameOrder() throws Exception {
        ServerEngine engine = server(ServerConfig.defaults(0, 4));
        ScriptedClient a = client(engine);
        ScriptedClient b = client(engine);
        ScriptedClient c = client(engine);
        connect(a);
        connect(b);
        connect(c);
        b.sendClm(new ConnectionlessMessage.Disconnection());
        a.send(new ChannelInfos(new ChannelInfo(0, 0, 0, "Alice", "")));
        ConnClientsList list;
        do {
            list = a.await(ConnClientsList.class, WAIT);
        } while (list != null && list.clients().size() != 2);
        assertThat(list.clients()).extracting(e -> e.channelId()).containsExactly(0, 2);
        a.clear();
        ConnectionlessMessage.ChannelLevelList levels = a.await(ConnectionlessMessage.ChannelLevelList.class, WAIT);
        assertThat(levels.count()).isEqualTo(2);
    }
}
