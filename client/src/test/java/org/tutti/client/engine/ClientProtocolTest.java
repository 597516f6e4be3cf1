package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage.ChannelGain;
import org.tutti.protocol.ConnectedMessage.ChannelInfos;
import org.tutti.protocol.ConnectedMessage.ClientId;
import org.tutti.protocol.ConnectedMessage.ConnClientsList;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.ConnectedMessage.MuteStateChanged;
import org.tutti.protocol.ConnectedMessage.ReqChannelInfos;
import org.tutti.protocol.ConnectedMessage.ReqChannelLevelList;
import org.tutti.protocol.ConnectedMessage.ReqConnClientsList;
import org.tutti.protocol.ConnectedMessage.ReqJitterBufferSize;
import org.tutti.protocol.ConnectedMessage.ReqSplitMessSupport;
import org.tutti.protocol.ConnectedMessage.ReqTransportProps;
import org.tutti.protocol.ConnectedMessage.SplitMessSupported;
import org.tutti.protocol.ConnectedMessage.TransportProps;
import org.tutti.protocol.ConnectedMessage.VersionAndOs;
import org.tutti.protocol.ConnectionlessMessage.Disconnection;
import org.tutti.protocol.GainPan;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/** The client's side of the Jamulus protocol (doc §4.4, §5.3, §6.4) against a scripted server on real UDP. */
class ClientProtocolTest {
    private final AtomicReference<FakeStream> stream = new AtomicReference<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile boolean driving = true;
    private Thread driver;
    private ClientEngine engine;

    /** A fake backend whose streams this test drives at roughly real time on its own thread. */
    private final FakeBackendProvider provider = new FakeBackendProvider() {
        @Override
        public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
            FakeStream s = super.open(request, callback);
            stream.set(s);
            return s;
        }
    };

    private final ClientListener listener = new ClientListener() {
        @Override
        public void connected(int channelId) {
            events.add("connected " + channelId);
        }

        @Override
        public void disconnected(String reason) {
            events.add("disconnected " + reason);
        }

        @Override
        public void mutedByOtherChanged(int channelId, boolean muted) {
            events.add("muted-by " + channelId + " " + muted);
        }

        @Override
        public void chatReceived(String html) {
            events.add("chat " + html);
        }
    };

    private ClientEngine start(ScriptedServer server, boolean muteMyOwn, long silenceNanos) throws Exception {
        return start(server, muteMyOwn, silenceNanos, "127.0.0.1:" + server.port());
    }

    private ClientEngine start(ScriptedServer server, boolean muteMyOwn, long silenceNanos, String address)
            throws Exception {
        // mono-in/stereo-out: the stereo packet sizes below (the default mode is mono since issue 16)
        ClientOptions options = ClientOptions.defaults(provider, "Scripted").withMutes(false, muteMyOwn)
                .withStream(org.tutti.codec.OpusQuality.NORMAL, ChannelMode.MONO_IN_STEREO_OUT, true);
        engine = new ClientEngine(options, listener, silenceNanos);
        engine.connect(address).get(5, TimeUnit.SECONDS);
        driver = new Thread(() -> {
            while (driving) {
                FakeStream s = stream.get();
                if (s != null) {
                    s.runCycles(1);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        driver.setDaemon(true);
        driver.start();
        server.awaitClient();
        return engine;
    }

    @AfterEach
    void stop() throws Exception {
        driving = false;
        if (driver != null) {
            driver.join(1000);
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static ChannelInfo named(String name) {
        return new ChannelInfo(0, 0, 0, name, "");
    }

    /**
     * Issue #10, hostile input from a server: channel IDs the client never saw or beyond 150, a list with duplicate
     * and out-of-range IDs, more level entries than channels. Ignored or stored as given; nothing throws on the
     * control thread (internalErrors stays 0) and the client keeps streaming.
     */
    @Test
    void outOfRangeChannelIdsFromTheServerAreHarmless() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            server.send(new ClientId(255));
            server.send(new ConnClientsList(List.of(new ClientListEntry(255, named("Ghost")),
                    new ClientListEntry(200, named("Far")), new ClientListEntry(200, named("Twin")),
                    new ClientListEntry(0, named("Zero")))));
            server.send(new MuteStateChanged(255, true));
            server.send(new MuteStateChanged(149, true)); // a channel not in the list
            server.sendRaw(MessageCodec.encodeFrame(
                    new org.tutti.protocol.ConnectionlessMessage.ChannelLevelList(new byte[150]), 0));
            server.sendRaw(new byte[72]); // first audio: the client now sends its profile and requests
            server.pump(500);
            List<org.tutti.client.model.MixerChannel> strips = engine.channels().get(2, TimeUnit.SECONDS);
            assertThat(strips).as("the control thread still answers").isNotNull();
            engine.setProfile(named("StillHere"));
            assertThat(server.expect(ChannelInfos.class).info().name()).isIn("Scripted", "StillHere");
            server.audioSizes.clear();
            server.pump(300);
            assertThat(server.audioSizes).as("audio keeps flowing").isNotEmpty();
            assertThat(engine.internalErrors()).as("no failure caught on the control thread").isZero();
            assertThat(engine.status().connected()).isTrue();
        }
    }

    /**
     * Issue #10: only the server's own datagrams reach the client (its socket is connected to the server; Jamulus too
     * accepts only the server's address). Someone else who knows the client's port cannot inject chat, a client list
     * or a disconnection.
     */
    @Test
    void datagramsFromAnyoneButTheServerNeverReachTheClient() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             java.net.DatagramSocket stranger = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            server.send(new ClientId(4));
            server.send(new ConnClientsList(List.of()));
            server.pump(300);
            List<String> setUp = new java.util.ArrayList<>();
            events.drainTo(setUp);
            assertThat(setUp).as("the server's own messages do arrive").contains("connected 4");
            for (Message m : List.<Message>of(new org.tutti.protocol.ConnectedMessage.ChatText("from a stranger"),
                    new ConnClientsList(List.of(new ClientListEntry(9, named("Intruder")))))) {
                byte[] frame = MessageCodec.encodeFrame(m, 200);
                stranger.send(new java.net.DatagramPacket(frame, frame.length, server.client()));
            }
            byte[] bye = MessageCodec.encodeFrame(new Disconnection());
            stranger.send(new java.net.DatagramPacket(bye, bye.length, server.client()));
            server.pump(300);
            server.send(new org.tutti.protocol.ConnectedMessage.ChatText("from the server"));
            assertThat(events.poll(5, TimeUnit.SECONDS)).as("the first event after the stranger's datagrams")
                    .startsWith("chat ").contains("from the server");
            server.pump(200);
            assertThat(events).as("nothing from the stranger, no disconnection").isEmpty();
            assertThat(engine.channels().get(2, TimeUnit.SECONDS)).extracting(c -> c.name())
                    .doesNotContain("Intruder");
        }
    }

    @Test
    void answersTheConnectSequenceAndNegotiatesSequenceNumbers() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            assertThat(server.audioSizes).allMatch(size -> size == 71); // 128 frames, stereo normal, no counter yet

            server.send(new ClientId(3));
            server.send(new ConnClientsList(List.of()));
            server.send(new ReqSplitMessSupport());
            server.expect(SplitMessSupported.class);
            server.send(new ReqTransportProps());
            TransportProps props = server.expect(TransportProps.class);
            assertThat(props.props().baseNetworkFrameBytes()).isEqualTo(71);
            assertThat(props.props().blockFactor()).isEqualTo(1);
            assertThat(props.props().channels()).isEqualTo(2);
            assertThat(props.props().codec()).isEqualTo(2);
            assertThat(props.props().withSequenceNumber()).isFalse();
            server.send(new ReqJitterBufferSize());
            assertThat(server.expect(JitterBufferSize.class).blocks()).isEqualTo(21); // auto
            server.send(new ReqChannelInfos());
            assertThat(server.expect(ChannelInfos.class).info().name()).isEqualTo("Scripted");
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected 3");

            // a 3.9.1 server: sequence numbers on, props re-sent with flag 1 and N+1 bytes, packets grow by one
            server.send(new VersionAndOs(2, "3.9.1"));
            TransportProps withCounter = server.expect(TransportProps.class);
            assertThat(withCounter.props().withSequenceNumber()).isTrue();
            assertThat(withCounter.props().baseNetworkFrameBytes()).isEqualTo(72);
            server.audioSizes.clear();
            server.pump(200);
            assertThat(server.audioSizes).isNotEmpty().allMatch(size -> size == 72);

            // the first audio from the server: profile, list request, jitter setting, level list opt-in, in order
            server.sendRaw(new byte[72]);
            server.expect(ChannelInfos.class);
            server.expect(ReqConnClientsList.class);
            server.expect(JitterBufferSize.class);
            assertThat(server.expect(ReqChannelLevelList.class).enabled()).isTrue();

            // leaving says goodbye with CLM_DISCONNECTION
            engine.disconnect().get(5, TimeUnit.SECONDS);
            server.expect(Disconnection.class);
            assertThat(events).contains("disconnected disconnected by user");
        }
    }

    @Test
    void connectsByHostName() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30), "localhost:" + server.port());
            server.send(new ClientId(7));
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected 7");
        }
    }

    @Test
    void connectsOverIpv6WithBracketedAddress() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        ScriptedServer server;
        try {
            server = new ScriptedServer(v6);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (server) {
            start(server, false, TimeUnit.SECONDS.toNanos(30), "[::1]:" + server.port());
            server.send(new ClientId(8));
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected 8");
        }
    }

    @Test
    void changingTheStreamFormatWhileConnectedAnnouncesNewProps() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            server.send(new ClientId(1));
            server.send(new VersionAndOs(2, "3.9.1"));
            server.expect(TransportProps.class, t -> t.props().withSequenceNumber());
            engine.setStreamFormat(org.tutti.codec.OpusQuality.HIGH, ChannelMode.MONO, true);
            TransportProps props = server.expect(TransportProps.class, t -> t.props().channels() == 1);
            assertThat(props.props().baseNetworkFrameBytes()).isEqualTo(83); // mono high at 128: 82 + counter
            server.pump(300);
            server.audioSizes.clear();
            server.pump(200);
            assertThat(server.audioSizes).isNotEmpty().allMatch(size -> size == 83);
        }
    }

    @Test
    void anOldServerVersionKeepsTheStreamWithoutCounter() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            server.send(new VersionAndOs(2, "3.5.0"));
            server.pump(300);
            server.audioSizes.clear();
            server.pump(200);
            assertThat(server.audioSizes).isNotEmpty().allMatch(size -> size == 71);
        }
    }

    @Test
    void mixerChangesBecomePacedGainMessagesAndMuteMyOwnSilencesOurChannel() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, true, TimeUnit.SECONDS.toNanos(30));
            server.send(new ClientId(1));
            server.send(new ConnClientsList(List.of(new ClientListEntry(1, named("Scripted")),
                    new ClientListEntry(4, named("Other")))));
            ChannelGain own = server.expect(ChannelGain.class);
            assertThat(own).isEqualTo(new ChannelGain(1, 0)); // --mutemyown

            // a burst of fader moves: the first goes out, the rest are held and only the latest follows
            for (int v = 90; v >= 50; v -= 10) {
                int fader = v;
                engine.mixer(m -> m.setFader(4, fader));
            }
            List<ChannelGain> gains = server.collect(ChannelGain.class, 500);
            assertThat(gains).hasSizeLessThan(5);
            assertThat(gains.getLast()).isEqualTo(new ChannelGain(4,
                    GainPan.toWire(org.tutti.client.model.FaderLaw.gain(50))));

            engine.mixer(m -> m.setSolo(1, true)); // solo myself: Other goes to 0
            assertThat(server.expect(ChannelGain.class, g -> g.channelId() == 4).gain()).isZero();

            server.send(new MuteStateChanged(4, true));
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected 1");
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("muted-by 4 true");
        }
    }

    @Test
    void aSilentServerEndsTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.MILLISECONDS.toNanos(600));
            String event;
            do {
                event = events.poll(5, TimeUnit.SECONDS);
            } while (event != null && !event.startsWith("disconnected"));
            assertThat(event).isEqualTo("disconnected the server did not send audio for 30 seconds");
            assertThat(engine.status().connected()).isFalse();
        }
    }

    @Test
    void aVanishingSoundDeviceEndsTheSessionCleanly() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            stream.get().unplug("device removed");
            server.expect(Disconnection.class);
            String event;
            do {
                event = events.poll(5, TimeUnit.SECONDS);
            } while (event != null && !event.startsWith("disconnected"));
            assertThat(event).isEqualTo("disconnected audio device stopped: device removed");
            assertThat(engine.status().connected()).isFalse();
            // and the engine still works: connect again
            engine.connect("127.0.0.1:" + server.port()).get(5, TimeUnit.SECONDS);
            assertThat(engine.status().connected()).isTrue();
        }
    }

    @Test
    void garbageFromTheServerIsDroppedAndCounted() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            start(server, false, TimeUnit.SECONDS.toNanos(30));
            server.sendRaw(new byte[] {0, 0, 1, 2, 3}); // audio of the wrong size
            byte[] frame = MessageCodec.encodeFrame(new ClientId(9), 0);
            frame[frame.length - 1] ^= 0x55; // broken CRC: audio-classified, wrong size
            server.sendRaw(frame);
            server.send(new ClientId(2));
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected 2");
            assertThat(engine.status().connected()).isTrue();
        }
    }
}
