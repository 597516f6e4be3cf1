package org.tutti.server.engine;

import java.net.InetSocketAddress;
import org.tutti.Version;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.OperatingSystem;

/**
 * The server's connection-less side (doc §5.5, §7): pings, version and client-list queries from anyone,
 * CLM_DISCONNECTION from a client, CLM_SERVER_FULL for a newcomer, and the hosted directory role's traffic (it sees
 * every CLM first and sends through here). Every answer to a stranger passes the anti-amplification budget of the
 * {@link Outbox} before it is even built. Engine thread only; collaborators as narrow as the
 * {@link ProtocolHandler}'s.
 */
final class ConnectionlessHandler {
    private final ChannelTable channels;
    private final Outbox outbox;
    private final HostedRolesPort roles;
    private final EngineCounters counters;

    ConnectionlessHandler(ChannelTable channels, Outbox outbox, HostedRolesPort roles, EngineCounters counters) {
        this.channels = channels;
        this.outbox = outbox;
        this.roles = roles;
        this.counters = counters;
    }

    /** A connection-less message from anyone; answers are rate-limited per source address. */
    void onConnectionless(InetSocketAddress from, ClientChannel known, byte[] buf, int len, long nowNs) {
        counters.protocolMessagesIn++;
        Message message;
        try {
            message = MessageCodec.decodeFrame(buf, 0, len);
        } catch (MalformedMessageException e) {
            counters.malformedMessages++;
            return;
        }
        if (message instanceof ConnectionlessMessage clm && roles.offerToDirectory(clm, from, nowNs)) {
            return;
        }
        if (message instanceof ConnectionlessMessage.Disconnection) {
            if (known != null) {
                known.control.disconnectRequested = true;
            }
            return;
        }
        if (!outbox.mayAnswer(from, known, nowNs)) {
            return; // checked before building the answer: a flood costs no encoding
        }
        Message answer = switch (message) {
            case ConnectionlessMessage.PingMs p -> p;
            case ConnectionlessMessage.PingMsWithNumClients(int time, int ignored) ->
                    new ConnectionlessMessage.PingMsWithNumClients(time, channels.listedCount());
            case ConnectionlessMessage.ReqVersionAndOs r ->
                    new ConnectionlessMessage.VersionAndOs(OperatingSystem.LINUX.code(), Version.version());
            case ConnectionlessMessage.ReqConnClientsList r -> new ConnectionlessMessage.ConnClientsList(channels.clientList());
            case ConnectionlessMessage.ServerFull _, ConnectionlessMessage.RegisterServer _,
                    ConnectionlessMessage.UnregisterServer _, ConnectionlessMessage.ServerList _,
                    ConnectionlessMessage.ReqServerList _, ConnectionlessMessage.SendEmptyMessage _,
                    ConnectionlessMessage.EmptyMessage _, ConnectionlessMessage.Disconnection _,
                    ConnectionlessMessage.VersionAndOs _, ConnectionlessMessage.ConnClientsList _,
                    ConnectionlessMessage.ChannelLevelList _, ConnectionlessMessage.RegisterServerResp _,
                    ConnectionlessMessage.RegisterServerEx _, ConnectionlessMessage.ReducedServerList _,
                    ConnectionlessMessage.ServerFeatures _, ConnectionlessMessage.ReqServerFeatures _,
                    ConnectionlessMessage.WelcomeMessage _, ConnectionlessMessage.ReqWelcomeMessage _,
                    ConnectionlessMessage.Unknown _ -> null;
            case ConnectedMessage _ -> null; // a connected message without a connection: nothing to answer
        };
        if (answer != null) {
            outbox.sendAnswer(from, known, MessageCodec.encodeFrame(answer, 0), nowNs);
        }
    }

    /** CLM_SERVER_FULL for audio from a newcomer while every slot is taken. */
    void serverFull(InetSocketAddress from, long nowNs) {
        if (outbox.mayAnswer(from, null, nowNs)) {
            outbox.sendAnswer(from, null, MessageCodec.encodeFrame(new ConnectionlessMessage.ServerFull(), 0), nowNs);
        }
    }

    /**
     * The hosted directory's sends. Its answers to requests (server lists, registration results, hole-punch
     * requests to listed servers) pass the global budget; the directory limits them per source IP itself. What it
     * sends on its own timers (registrations, keep-alives, hole punches our directory asked for) always goes.
     */
    void sendForDirectory(ConnectionlessMessage message, InetSocketAddress to) {
        byte[] frame = MessageCodec.encodeFrame(message, 0);
        boolean answer = message instanceof ConnectionlessMessage.ServerList
                || message instanceof ConnectionlessMessage.ReducedServerList
                || message instanceof ConnectionlessMessage.RegisterServerResp
                || message instanceof ConnectionlessMessage.SendEmptyMessage;
        if (answer) {
            outbox.sendAnswer(to, null, frame, System.nanoTime());
        } else {
            outbox.sendFrame(to, frame);
        }
    }
}
