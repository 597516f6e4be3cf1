package org.tutti.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.tutti.net.ReliableChannel;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.GainPan;
import org.tutti.protocol.JamulusVersion;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.NetworkTransportProps;

/**
 * One emulated Jamulus 3.9.1 client: its own UDP socket connected to the server, the reliable channel, and the
 * client's side of the connect sequence (doc §5.3): answers to every REQ_*, sequence numbers once the server's
 * version allows them, and after the first audio from the server the profile, client-list request, auto jitter
 * buffer and level-list opt-in. The receiving thread owns everything here except {@link #sequenceOn}, which the
 * sending thread reads.
 */
final class EmulatedClient {
    final int index;
    final DatagramChannel socket;
    final ReceiveStats stats = new ReceiveStats();
    private final LoadOptions options;
    private final ReliableChannel link;
    private final ChannelInfo profile;
    /**
     * Room for the largest datagram: a client list queued before split support is negotiated goes out unsplit, about
     * 20 bytes per musician (3.3 kB at 150). A 2 kB buffer truncated it, the frame failed its CRC, was counted as
     * audio (inflating delivery by ~0.2 % at 150 clients) and was never ACKed, so the server resent it for ever.
     */
    private final byte[] rx = new byte[65_536];
    private final ByteBuffer rxBuffer = ByteBuffer.wrap(rx);

    /** Set when the server's VERSION_AND_OS is ≥ 3.6.0: audio frames then carry a sequence byte. */
    volatile boolean sequenceOn;
    /** True from the first audio packet received from the server. */
    volatile boolean established;
    volatile boolean serverFull;
    int channelId = -1;
    private volatile List<ClientListEntry> clientList = List.of();
    private volatile int pendingSnapshot;
    long protocolErrors;

    EmulatedClient(int index, LoadOptions options) throws IOException {
        this.index = index;
        this.options = options;
        this.socket = DatagramChannel.open();
        socket.bind(new InetSocketAddress(options.server().getAddress(), 0));
        socket.connect(options.server());
        socket.configureBlocking(false);
        this.profile = new ChannelInfo(0, 0, 0, "load" + index, "");
        this.link = new ReliableChannel(this::sendFrame, message -> onMessage(message, System.nanoTime()));
    }

    private void sendFrame(byte[] frame, int off, int len) {
        try {
            socket.write(ByteBuffer.wrap(frame, off, len));
        } catch (IOException e) {
            protocolErrors++;
        }
    }

    NetworkTransportProps props() {
        return NetworkTransportProps.of(options.codec(), options.channels(), options.codedBytes(), 1, sequenceOn);
    }

    /** Reads every datagram waiting on the socket; {@code measuring} decides whether audio goes into the stats. */
    void drain(boolean measuring) {
        while (true) {
            rxBuffer.clear();
            int len;
            try {
                len = socket.read(rxBuffer);
            } catch (IOException e) {
                protocolErrors++; // e.g. ICMP port unreachable while the server starts or stops
                return;
            }
            if (len <= 0) {
                return;
            }
            long now = System.nanoTime();
            switch (DatagramKind.classify(rx, 0, len)) {
                case AUDIO -> onAudio(len, now, measuring);
                case CONNECTED -> link.onReceive(rx, 0, len, now);
                case CONNECTIONLESS -> onConnectionless(len);
            }
        }
    }

    private void onAudio(int len, long now, boolean measuring) {
        if (len != options.codedBytes() && len != options.codedBytes() + 1) {
            protocolErrors++; // not an audio packet of this stream (a corrupt frame, say): never counted as delivered
            return;
        }
        if (!established) {
            established = true;
            // What the real client queues once the server's audio arrives (doc §5.3).
            link.send(new ConnectedMessage.ChannelInfos(profile), now);
            link.send(new ConnectedMessage.ReqConnClientsList(), now);
            link.send(new ConnectedMessage.JitterBufferSize(ConnectedMessage.JitterBufferSize.AUTO), now);
            link.send(new ConnectedMessage.ReqChannelLevelList(true), now);
        }
        if (measuring) {
            int withSeq = options.codedBytes() + 1;
            int sequence = len == withSeq ? rx[len - 1] & 0xFF : -1;
            stats.onPacket(now, sequence, options.packetPeriodNanos());
        }
    }

    private void onConnectionless(int len) {
        try {
            Message m = MessageCodec.decodeFrame(rx, 0, len);
            if (m instanceof ConnectionlessMessage.ServerFull) {
                serverFull = true;
            }
        } catch (MalformedMessageException e) {
            protocolErrors++;
        }
    }

    private void onMessage(ConnectedMessage message, long now) {
        switch (message) {
            case ConnectedMessage.ClientId(int id) -> channelId = id;
            case ConnectedMessage.ReqSplitMessSupport r -> {
                link.send(new ConnectedMessage.SplitMessSupported(), now);
                link.splitSupported(true);
            }
            case ConnectedMessage.ReqTransportProps r -> link.send(new ConnectedMessage.TransportProps(props()), now);
            case ConnectedMessage.ReqJitterBufferSize r -> link.send(
                    new ConnectedMessage.JitterBufferSize(ConnectedMessage.JitterBufferSize.AUTO), now);
            case ConnectedMessage.ReqChannelInfos r -> link.send(new ConnectedMessage.ChannelInfos(profile), now);
            case ConnectedMessage.VersionAndOs(int os, String version) -> {
                if (!sequenceOn && JamulusVersion.supportsSequenceNumbers(version)) {
                    sequenceOn = true; // the sender switches to N+1-byte frames at once, as the real client does
                    link.send(new ConnectedMessage.TransportProps(props()), now);
                }
            }
            case ConnectedMessage.ConnClientsList(List<ClientListEntry> list) -> clientList = list;
            case ConnectedMessage.Ack _, ConnectedMessage.JitterBufferSize _, ConnectedMessage.ChannelGain _,
                    ConnectedMessage.ReqConnClientsList _, ConnectedMessage.ChatText _,
                    ConnectedMessage.TransportProps _, ConnectedMessage.ChannelInfos _,
                    ConnectedMessage.OpusSupported _, ConnectedMessage.LicenceRequired _,
                    ConnectedMessage.ReqChannelLevelList _, ConnectedMessage.ChannelPan _,
                    ConnectedMessage.MuteStateChanged _, ConnectedMessage.RecorderStateMessage _,
                    ConnectedMessage.SplitMessSupported _, ConnectedMessage.RawAudioSupported _,
                    ConnectedMessage.SplitPart _, ConnectedMessage.Obsolete _, ConnectedMessage.Unknown _ -> {
                // chat, jitter size, recorder state, mute notices: nothing to do for a load client
            }
        }
    }

    /** Gives every other client in the last list its own gain in this client's mix (worst case for a server). */
    void setDistinctGains(long now) {
        for (ClientListEntry e : clientList) {
            if (e.channelId() != channelId) {
                float gain = 0.5f + 0.4f * (((index * 31 + e.channelId() * 7) % 97) / 97f);
                link.send(new ConnectedMessage.ChannelGain(e.channelId(), GainPan.toWire(gain)), now);
            }
        }
    }

    int knownClients() {
        return clientList.size();
    }

    /** The names in the server's last client list, as this client saw it. */
    List<String> knownNames() {
        return clientList.stream().map(e -> e.info().name()).toList();
    }

    /** Messages still waiting for an ACK, as of the last {@link #poll} (readable from any thread). */
    int pendingMessages() {
        return pendingSnapshot;
    }

    void poll(long now) {
        link.poll(now);
        pendingSnapshot = link.pendingCount();
    }

    /** CLM_DISCONNECTION, as the real client sends it when it stops. */
    void disconnect() {
        byte[] frame = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection());
        sendFrame(frame, 0, frame.length);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
