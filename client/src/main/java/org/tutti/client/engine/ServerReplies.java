package org.tutti.client.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.model.MixerModel;
import org.tutti.net.ReliableChannel;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.Ack;
import org.tutti.protocol.ConnectedMessage.ChannelGain;
import org.tutti.protocol.ConnectedMessage.ChannelInfos;
import org.tutti.protocol.ConnectedMessage.ChannelPan;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.ClientId;
import org.tutti.protocol.ConnectedMessage.ConnClientsList;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.ConnectedMessage.LicenceRequired;
import org.tutti.protocol.ConnectedMessage.MuteStateChanged;
import org.tutti.protocol.ConnectedMessage.Obsolete;
import org.tutti.protocol.ConnectedMessage.OpusSupported;
import org.tutti.protocol.ConnectedMessage.RawAudioSupported;
import org.tutti.protocol.ConnectedMessage.RecorderStateMessage;
import org.tutti.protocol.ConnectedMessage.ReqChannelInfos;
import org.tutti.protocol.ConnectedMessage.ReqChannelLevelList;
import org.tutti.protocol.ConnectedMessage.ReqConnClientsList;
import org.tutti.protocol.ConnectedMessage.ReqJitterBufferSize;
import org.tutti.protocol.ConnectedMessage.ReqSplitMessSupport;
import org.tutti.protocol.ConnectedMessage.ReqTransportProps;
import org.tutti.protocol.ConnectedMessage.SplitMessSupported;
import org.tutti.protocol.ConnectedMessage.SplitPart;
import org.tutti.protocol.ConnectedMessage.TransportProps;
import org.tutti.protocol.ConnectedMessage.Unknown;
import org.tutti.protocol.ConnectedMessage.VersionAndOs;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.JamulusVersion;
import org.tutti.protocol.NetworkTransportProps;

/**
 * What the client does with each message from the server (protocol doc §5.2, §5.3, §6.5), and the session state
 * those messages change: the channel id, the ping time, the server's version and whether audio carries sequence
 * numbers. One per connection, used on the engine's control thread only; the getters are safe from any thread. It
 * reaches the rest of the client through narrow collaborators: the reliable link (its outbox), the mixer model, the
 * listener, and {@link Stream} for the audio stream's side.
 */
final class ServerReplies {
    /** What the replies need from the audio stream the engine runs. */
    interface Stream {
        /** The stream's NETW_TRANSPORT_PROPS, with or without sequence numbers. */
        NetworkTransportProps transportProps(boolean sequenceNumbers);

        /** Audio packets carry a sequence number from now on (a server ≥ 3.6.0). */
        void useSequenceNumbers();

        ChannelInfo profile();

        /** The server jitter buffer setting as sent (doc §6.5). */
        int serverJitterWireValue();

        boolean muteMyOwn();

        /** Sends the mixer's gains and pans after the channels changed. */
        void publishMix();

        /** The server ended the session: stop without saying goodbye. */
        void serverGone(String reason);
    }

    private final ReliableChannel link;
    private final MixerModel mixer;
    private final ClientListener listener;
    private final Stream stream;
    private final long clockStartNanos;
    private volatile int channelId = -1;
    private volatile int pingMs = -1;
    private volatile String serverVersion = "";
    private volatile boolean sequenceNumbers;

    /** {@code clockStartNanos}: time 0 of the ping clock (PING_MS carries milliseconds since then). */
    ServerReplies(ReliableChannel link, MixerModel mixer, ClientListener listener, Stream stream, long clockStartNanos) {
        this.link = link;
        this.mixer = mixer;
        this.listener = listener;
        this.stream = stream;
        this.clockStartNanos = clockStartNanos;
    }

    int channelId() {
        return channelId;
    }

    int pingMs() {
        return pingMs;
    }

    String serverVersion() {
        return serverVersion;
    }

    boolean sequenceNumbers() {
        return sequenceNumbers;
    }

    /** Milliseconds on the ping clock. */
    int clockMs(long now) {
        return (int) TimeUnit.NANOSECONDS.toMillis(now - clockStartNanos);
    }

    void handle(ConnectedMessage message, long now) {
        switch (message) {
            case ClientId(int id) -> onClientId(id);
            case ConnClientsList(var clients) -> onClientList(clients);
            case ReqSplitMessSupport r -> {
                link.send(new SplitMessSupported(), now);
                link.splitSupported(true);
            }
            case ReqTransportProps r -> link.send(new TransportProps(stream.transportProps(sequenceNumbers)), now);
            case ReqJitterBufferSize r -> link.send(new JitterBufferSize(stream.serverJitterWireValue()), now);
            case ReqChannelInfos r -> link.send(new ChannelInfos(stream.profile()), now);
            case ChatText(String html) -> listener.chatReceived(html);
            case LicenceRequired(var licence) -> listener.licenceRequired(licence);
            case VersionAndOs(int os, String version) ->
                    onServerVersion(version, JamulusVersion.supportsSequenceNumbers(version), now);
            case RecorderStateMessage(var state) -> listener.recorderStateChanged(state);
            case JitterBufferSize(int blocks) -> listener.serverJitterBufferChanged(blocks);
            case MuteStateChanged(int id, boolean muted) -> {
                mixer.setMutedByOther(id, muted);
                listener.mutedByOtherChanged(id, muted);
            }
            case Ack _, ChannelGain _, ReqConnClientsList _, TransportProps _, ChannelInfos _, OpusSupported _,
                    ReqChannelLevelList _, ChannelPan _, SplitMessSupported _, RawAudioSupported _, SplitPart _,
                    Obsolete _, Unknown _ -> {
                // OPUS_SUPPORTED, RAWAUDIO_SUPPORTED, obsolete and unknown IDs: ACKed by the link, nothing else
            }
        }
    }

    void handle(ConnectionlessMessage message, long now) {
        switch (message) {
            case ConnectionlessMessage.PingMs(int timeMs) -> onPingEcho(timeMs, now);
            case ConnectionlessMessage.ChannelLevelList levels -> {
                int[] values = new int[levels.count()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = levels.level(i);
                }
                mixer.setLevels(values, values.length);
                listener.levelsChanged(values);
            }
            case ConnectionlessMessage.Disconnection d -> stream.serverGone("the server ended the connection");
            case ConnectionlessMessage.ServerFull f -> stream.serverGone("the server is full");
            case ConnectionlessMessage.PingMsWithNumClients _, ConnectionlessMessage.RegisterServer _,
                    ConnectionlessMessage.UnregisterServer _, ConnectionlessMessage.ServerList _,
                    ConnectionlessMessage.ReqServerList _, ConnectionlessMessage.SendEmptyMessage _,
                    ConnectionlessMessage.EmptyMessage _, ConnectionlessMessage.VersionAndOs _,
                    ConnectionlessMessage.ReqVersionAndOs _, ConnectionlessMessage.ConnClientsList _,
                    ConnectionlessMessage.ReqConnClientsList _, ConnectionlessMessage.RegisterServerResp _,
                    ConnectionlessMessage.RegisterServerEx _, ConnectionlessMessage.ReducedServerList _,
                    ConnectionlessMessage.ServerFeatures _, ConnectionlessMessage.ReqServerFeatures _,
                    ConnectionlessMessage.WelcomeMessage _, ConnectionlessMessage.ReqWelcomeMessage _,
                    ConnectionlessMessage.Unknown _ -> {
                // other CLMs concern directories and server lists, not a connected client
            }
        }
    }

    private void onPingEcho(int sentMs, long now) {
        int rtt = clockMs(now) - sentMs;
        if (rtt >= 0 && rtt < 60_000) {
            pingMs = rtt;
            listener.pingMeasured(rtt);
        }
    }

    private void onClientId(int id) {
        channelId = id;
        mixer.setOwnChannel(id, stream.muteMyOwn());
        listener.connected(id);
        stream.publishMix();
    }

    private void onClientList(List<ClientListEntry> list) {
        List<ChannelProfile> profiles = new ArrayList<>(list.size());
        for (ClientListEntry e : list) {
            ChannelInfo i = e.info();
            profiles.add(new ChannelProfile(e.channelId(), i.name(), i.instrument(), i.country(), i.city(), i.skill()));
        }
        mixer.updateChannels(profiles);
        stream.publishMix();
        listener.clientListChanged(mixer.channels());
    }

    /** VERSION_AND_OS: ≥ 3.6.0 turns sequence numbers on and re-sends the props (doc §4.4). */
    private void onServerVersion(String version, boolean supportsSequenceNumbers, long now) {
        serverVersion = version;
        if (supportsSequenceNumbers && !sequenceNumbers) {
            sequenceNumbers = true;
            stream.useSequenceNumbers();
            link.send(new TransportProps(stream.transportProps(true)), now);
        }
        listener.serverVersion(version);
    }
}
