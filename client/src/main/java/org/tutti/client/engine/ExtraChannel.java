package org.tutti.client.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.tutti.client.model.MixerModel;
import org.tutti.net.ReliableChannel;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.NetworkTransportProps;

/**
 * The control-thread half of one extra channel of a split: its own UDP socket (so the server sees a client of its
 * own), its own reliable link and the same {@link ServerReplies} the main connection uses, so it answers the server
 * as any client does (ACKs, transport props, jitter buffer, channel infos, split messages). Its mixer and listener
 * are private and silent: the musician's mixer is the main connection's, where this channel appears as a musician.
 * Audio the server sends it is counted and dropped undecoded (a one-slot ring that is never read).
 */
final class ExtraChannel {
    private final SplitChannel spec;
    private final ChannelInfo profile;
    private final ReliableChannel link;
    private final ServerReplies replies;
    private final UdpTransport transport;
    private final Executor control;
    private volatile boolean firstAudioPending = true;
    private boolean gone;
    private long malformedFrames;
    /** Read by the audio thread once per cycle. */
    volatile ExtraChannelCycle cycle;

    ExtraChannel(SplitChannel spec, ChannelInfo mainProfile, InetSocketAddress server, StreamConfig config,
                 int serverJitterWire, Executor control, long clockStartNanos) throws IOException {
        this.spec = spec;
        this.profile = spec.profile(mainProfile);
        this.control = control;
        this.link = new ReliableChannel((buf, off, len) -> sendFrame(buf, off, len),
                m -> replies().handle(m, System.nanoTime()));
        this.replies = new ServerReplies(link, new MixerModel(), new ClientListener() { },
                new Replies(serverJitterWire), clockStartNanos);
        // frames reach onProtocolFrame through the control thread, which is running this constructor
        this.transport = new UdpTransport(server, 0, new PacketRing(1),
                frame -> control.execute(() -> onProtocolFrame(frame)), this::onAudioArrived);
        this.cycle = new ExtraChannelCycle(config, spec, transport, false);
    }

    private ServerReplies replies() {
        return replies;
    }

    private void sendFrame(byte[] buf, int off, int len) {
        transport.sendFrame(buf, off, len);
    }

    SplitChannel spec() {
        return spec;
    }

    int channelId() {
        return replies.channelId();
    }

    int localPort() {
        return transport.localPort();
    }

    long packetsSent() {
        ExtraChannelCycle c = cycle;
        return c == null ? 0 : c.packetsSent;
    }

    float inputPeak() {
        ExtraChannelCycle c = cycle;
        return c == null ? 0f : c.inputPeak;
    }

    /** Control thread: a new encoder for a new stream format; returns the old one, to close after a grace period. */
    ExtraChannelCycle rebuild(StreamConfig config) {
        ExtraChannelCycle old = cycle;
        cycle = new ExtraChannelCycle(config, spec, transport, replies.sequenceNumbers());
        cycle.sending = !gone;
        if (!config.equals(old.config()) && !gone) {
            link.send(new ConnectedMessage.TransportProps(config.transportProps(replies.sequenceNumbers())),
                    System.nanoTime());
        }
        return old;
    }

    /** Control thread, every tick: resends unacknowledged messages. */
    void tick(long now) {
        if (!gone) {
            link.poll(now);
        }
    }

    private void onAudioArrived() {
        if (firstAudioPending) {
            firstAudioPending = false;
            control.execute(this::onFirstAudio);
        }
    }

    // §5.3: as the main connection, but no client list or levels: nobody looks at this channel's mix.
    private void onFirstAudio() {
        if (!gone) {
            link.send(new ConnectedMessage.ChannelInfos(profile), System.nanoTime());
        }
    }

    private void onProtocolFrame(byte[] frame) {
        if (gone) {
            return;
        }
        if (!ProtocolFrames.dispatch(frame, link, replies, System.nanoTime())) {
            malformedFrames++;
        }
    }

    /**
     * Control thread, after the audio stream stopped: leaves the server (CLM_DISCONNECTION, twice as Jamulus,
     * unless the server ended this channel) and frees the socket and the encoder.
     */
    void close() {
        if (!gone) {
            byte[] bye = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
            transport.sendFrame(bye, 0, bye.length);
            transport.sendFrame(bye, 0, bye.length);
        }
        gone = true;
        transport.close();
        link.reset();
        ExtraChannelCycle c = cycle;
        cycle = null;
        if (c != null) {
            c.close();
        }
    }

    /** The extra connection as the server's replies see it. */
    private final class Replies implements ServerReplies.Stream {
        private final int serverJitterWire;

        Replies(int serverJitterWire) {
            this.serverJitterWire = serverJitterWire;
        }

        @Override
        public NetworkTransportProps transportProps(boolean sequenceNumbers) {
            return cycle.config().transportProps(sequenceNumbers);
        }

        @Override
        public void useSequenceNumbers() {
            cycle.withSequenceNumber = true;
        }

        @Override
        public ChannelInfo profile() {
            return profile;
        }

        @Override
        public int serverJitterWireValue() {
            return serverJitterWire;
        }

        @Override
        public boolean muteMyOwn() {
            return false;
        }

        @Override
        public void publishMix() {
            // this channel's own mix is never heard
        }

        @Override
        public void serverGone(String reason) {
            // the main connection decides about the session; this channel stops talking (more audio would make
            // the server open a new channel for it)
            gone = true;
            cycle.sending = false;
        }
    }
}
