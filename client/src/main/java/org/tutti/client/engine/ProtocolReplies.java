package org.tutti.client.engine;

import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectedMessage.ChannelInfos;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.ClientId;
import org.tutti.protocol.ConnectedMessage.ConnClientsList;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.ConnectedMessage.LicenceRequired;
import org.tutti.protocol.ConnectedMessage.MuteStateChanged;
import org.tutti.protocol.ConnectedMessage.RecorderStateMessage;
import org.tutti.protocol.ConnectedMessage.ReqChannelInfos;
import org.tutti.protocol.ConnectedMessage.ReqJitterBufferSize;
import org.tutti.protocol.ConnectedMessage.ReqSplitMessSupport;
import org.tutti.protocol.ConnectedMessage.ReqTransportProps;
import org.tutti.protocol.ConnectedMessage.SplitMessSupported;
import org.tutti.protocol.ConnectedMessage.TransportProps;
import org.tutti.protocol.ConnectedMessage.VersionAndOs;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.JamulusVersion;

/** What the client does with each message from the server (protocol doc §5.2, §5.3, §6.5). */
final class ProtocolReplies {
    private ProtocolReplies() {
    }

    static void handle(ClientEngine engine, ConnectedMessage message, long now) {
        switch (message) {
            case ClientId(int id) -> engine.onClientId(id);
            case ConnClientsList(var clients) -> engine.onClientList(clients);
            case ReqSplitMessSupport r -> {
                engine.send(new SplitMessSupported(), now);
                engine.enableSplit();
            }
            case ReqTransportProps r -> engine.send(new TransportProps(engine.transportProps()), now);
            case ReqJitterBufferSize r -> engine.send(new JitterBufferSize(engine.serverJitterWireValue()), now);
            case ReqChannelInfos r -> engine.send(new ChannelInfos(engine.profile()), now);
            case ChatText(String html) -> engine.listener().chatReceived(html);
            case LicenceRequired(var licence) -> engine.listener().licenceRequired(licence);
            case VersionAndOs(int os, String version) ->
                    engine.onServerVersion(version, JamulusVersion.supportsSequenceNumbers(version), now);
            case RecorderStateMessage(var state) -> engine.listener().recorderStateChanged(state);
            case JitterBufferSize(int blocks) -> engine.listener().serverJitterBufferChanged(blocks);
            case MuteStateChanged(int id, boolean muted) -> engine.onMutedByOther(id, muted);
            default -> {
                // OPUS_SUPPORTED, RAWAUDIO_SUPPORTED, obsolete and unknown IDs: ACKed by the link, nothing else
            }
        }
    }

    static void handle(ClientEngine engine, ConnectionlessMessage message, long now) {
        switch (message) {
            case ConnectionlessMessage.PingMs(int timeMs) -> engine.onPingEcho(timeMs, now);
            case ConnectionlessMessage.ChannelLevelList levels -> {
                int[] values = new int[levels.count()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = levels.level(i);
                }
                engine.onLevels(values);
            }
            case ConnectionlessMessage.Disconnection d -> engine.onServerGone("the server ended the connection");
            case ConnectionlessMessage.ServerFull f -> engine.onServerGone("the server is full");
            default -> {
                // other CLMs concern directories and server lists, not a connected client
            }
        }
    }
}
