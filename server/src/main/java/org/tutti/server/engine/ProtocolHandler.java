package org.tutti.server.engine;

import java.time.LocalTime;
import java.util.List;
import org.tutti.Version;
import org.tutti.net.ReliableChannel;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage.ChannelGain;
import org.tutti.protocol.ConnectedMessage.ChannelInfos;
import org.tutti.protocol.ConnectedMessage.ChannelPan;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.ConnectedMessage.TransportProps;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.Frame;
import org.tutti.protocol.LicenceType;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageId;
import org.tutti.protocol.OperatingSystem;
import org.tutti.protocol.RecorderState;
import org.tutti.protocol.StringLimits;

/**
 * The server's side of the Jamulus protocol (doc §5, §6.4–6.6): the connect sequence, ACKs and duplicates,
 * the client's requests and settings, chat, client lists and levels. Runs on the engine thread; allocates only
 * for control messages, never for audio.
 *
 * <p>It knows the engine only through narrow collaborators, all owned by the engine thread: the
 * {@link ChannelTable} it reads (and whose channels' control state it writes), the {@link Outbox} it sends
 * through, the {@link EventPublisher} for the embedder, the
 * {@link HostedRolesPort} (recorder), the {@link LiveSettings} and the {@link TickClock}. Connection-less
 * messages are the {@link ConnectionlessHandler}'s.
 */
final class ProtocolHandler {
    private final ChannelTable channels;
    private final Outbox outbox;
    private final EventPublisher events;
    private final HostedRolesPort roles;
    private final LiveSettings settings;
    private final TickClock clock;
    private final EngineCounters counters;
    private final Lobby lobby;
    private final byte[] levelBody = new byte[(ServerConfig.MAX_CLIENTS_LIMIT + MetronomeChannel.EXTRA_COLUMNS + 1) / 2];
    private final byte[] levelFrame = new byte[levelBody.length + Frame.OVERHEAD_BYTES];
    /** A disabled stand-in until the engine wires its own ({@link #listMetronome}). */
    private MetronomeChannel metronome = new MetronomeChannel(ServerConfig.MAX_CLIENTS_LIMIT);
    /** Null: every chat text is chat. */
    private ChatCommands commands;

    ProtocolHandler(ChannelTable channels, Outbox outbox, EventPublisher events, HostedRolesPort roles,
            LiveSettings settings, TickClock clock, EngineCounters counters, Lobby lobby) {
        this.channels = channels;
        this.outbox = outbox;
        this.events = events;
        this.roles = roles;
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
        this.lobby = lobby;
    }

    /** The engine's metronome, whose entry and level follow the musicians' while it is enabled. */
    void listMetronome(MetronomeChannel m) {
        this.metronome = m;
    }

    /** The engine's chat commands (/tempo, /click, /conduct, /ownmix, /follow). */
    void useChatCommands(ChatCommands c) {
        this.commands = c;
    }

    /** Queues the connect sequence of doc §5.2 for a channel just opened by its first audio packet. */
    void onNewConnection(ClientChannel c, long nowNs) {
        outbox.queue(c, new ConnectedMessage.ClientId(c.id), nowNs);
        outbox.queue(c, new ConnectedMessage.ConnClientsList(List.of()), nowNs);
        outbox.queue(c, new ConnectedMessage.ReqSplitMessSupport(), nowNs);
        outbox.queue(c, new ConnectedMessage.ReqTransportProps(), nowNs);
        outbox.queue(c, new ConnectedMessage.ReqJitterBufferSize(), nowNs);
        outbox.queue(c, new ConnectedMessage.ReqChannelInfos(), nowNs);
        String welcome = settings.welcomeMessage();
        if (lobby.active()) {
            lobby.enter(c, nowNs); // the server's welcome comes on admission
        } else if (!welcome.isEmpty()) {
            outbox.queue(c, new ChatText(truncate(ChatFormat.WELCOME_PREFIX + welcome)), nowNs);
        }
        if (settings.licenceRequired()) {
            outbox.queue(c, new ConnectedMessage.LicenceRequired(LicenceType.CREATIVE_COMMONS), nowNs);
        }
        outbox.queue(c, new ConnectedMessage.VersionAndOs(OperatingSystem.LINUX.code(), Version.version()), nowNs);
        outbox.queue(c, new ConnectedMessage.RecorderStateMessage(recorderState()), nowNs);
    }

    /** The recorder's state as RECORDER_STATE carries it (1 when no recorder is hosted). */
    RecorderState recorderState() {
        return roles.recorderState();
    }

    /** Tells every client the recorder's state (after it changed). */
    void sendRecorderStateToAll(long nowNs) {
        RecorderState state = recorderState();
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            outbox.queue(active[i], new ConnectedMessage.RecorderStateMessage(state), nowNs);
        }
    }

    /** A connected (reliable) message from a known channel: the reliable channel ACKs, de-duplicates, joins. */
    void onConnected(ClientChannel c, byte[] buf, int len, long nowNs) {
        counters.protocolMessagesIn++;
        c.link.onReceive(buf, 0, len, nowNs);
    }

    /** Wires a channel's reliable link to this handler and the engine's socket. */
    ReliableChannel newLink(ClientChannel c) {
        return new ReliableChannel((buf, off, len) -> outbox.sendFrame(c.endpoint, buf, off, len),
                new ReliableChannel.Listener() {
                    @Override
                    public void onMessage(ConnectedMessage message) {
                        handle(c, message, clock.nowNs());
                    }

                    @Override
                    public void onMalformed(MalformedMessageException problem) {
                        counters.malformedMessages++;
                    }
                });
    }

    private void handle(ClientChannel c, ConnectedMessage message, long nowNs) {
        switch (message) {
            case JitterBufferSize(int blocks) -> {
                c.setJitterRequest(blocks);
                c.control.reportedJitterFrames = 0;
                reportAutoJitterSize(c, nowNs);
            }
            case ChannelGain(int channel, int gain) -> setGain(c, channel, gain, nowNs);
            case ChannelPan(int channel, int pan) -> {
                if (channel < c.control.pans.length) {
                    // The wire allows 0..65535 but pan means 0..1: beyond 1 the delay pan would reach past its
                    // 64-sample history and the level pan would invert the left side.
                    c.control.pans[channel] = Math.min(pan, 32768) / 32768f;
                    c.control.recomputeDefaultMix();
                }
            }
            case ConnectedMessage.ReqConnClientsList r -> outbox.queue(c, new ConnectedMessage.ConnClientsList(
                    c.control.lobby ? ChannelTable.lobbyView(c) : metronome.listed(channels.clientList())), nowNs);
            case ChatText(String text) -> {
                ChatCommands.Reply reply = commands == null || c.control.lobby ? null : commands.handle(c, text, nowNs);
                if (c.control.lobby) {
                    if (lobby.onChat(c, text, nowNs)) {
                        sendClientListToAll(nowNs); // admitted: now listed, and it sees everyone
                    }
                } else if (reply == null) {
                    broadcastChat(ChatFormat.line(c.id, c.control.info.name(), text, LocalTime.now()), c.id, nowNs);
                } else if (reply.html() == null) {
                    // handled, and whoever needed to know was told
                } else if (reply.toAll()) {
                    broadcastChat(reply.html(), -1, nowNs);
                } else {
                    outbox.queue(c, new ChatText(truncate(reply.html())), nowNs);
                }
            }
            case TransportProps(var props) -> {
                if (props.audioCodec() == AudioCodec.CELT || props.audioCodec() == AudioCodec.NONE) {
                    outbox.queue(c, new ConnectedMessage.OpusSupported(), nowNs);
                } else if (props.codedBytes() >= 2 && props.codedBytes() <= ClientChannel.MAX_CODED_BYTES) {
                    c.setProps(props);
                } else {
                    counters.malformedMessages++;
                }
            }
            case ChannelInfos(ChannelInfo info) -> {
                ChannelControl settings = c.control;
                boolean changed = !settings.identified || !info.equals(settings.info);
                settings.info = info;
                settings.identified = true; // the fade-in starts now: it only counts while identified
                if (changed && c.control.lobby) {
                    outbox.queue(c, new ConnectedMessage.ConnClientsList(ChannelTable.lobbyView(c)), nowNs);
                } else if (changed) {
                    sendClientListToAll(nowNs);
                }
            }
            case ConnectedMessage.SplitMessSupported s -> c.link.splitSupported(true);
            case ConnectedMessage.Ack _, ConnectedMessage.ReqJitterBufferSize _,
                    ConnectedMessage.ReqTransportProps _, ConnectedMessage.ReqChannelInfos _,
                    ConnectedMessage.ConnClientsList _, ConnectedMessage.OpusSupported _,
                    ConnectedMessage.LicenceRequired _, ConnectedMessage.ReqChannelLevelList _,
                    ConnectedMessage.VersionAndOs _, ConnectedMessage.MuteStateChanged _,
                    ConnectedMessage.ClientId _, ConnectedMessage.RecorderStateMessage _,
                    ConnectedMessage.ReqSplitMessSupport _, ConnectedMessage.RawAudioSupported _,
                    ConnectedMessage.SplitPart _, ConnectedMessage.Obsolete _, ConnectedMessage.Unknown _ -> {
                // level-list opt-in, obsolete and unknown messages need no action
            }
        }
    }

    private void setGain(ClientChannel c, int channel, int gain, long nowNs) {
        ChannelControl settings = c.control;
        if (channel >= settings.gains.length) {
            return;
        }
        float old = settings.gains[channel];
        float now = gain / 32768f;
        settings.gains[channel] = now;
        settings.recomputeDefaultMix();
        ClientChannel other = channels.connected(channel);
        if ((old == 0f) != (now == 0f) && other != null && !other.control.lobby && !c.control.lobby) {
            // Tell the other client that this one muted (or unmuted) it in its own mix (doc §6.4).
            outbox.queue(other, new ConnectedMessage.MuteStateChanged(c.id, now == 0f), nowNs);
        }
    }

    /** Sends an already formatted chat line to every connected channel but those in the lobby. */
    void broadcastChat(String html, int senderId, long nowNs) {
        String text = truncate(html);
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            if (!active[i].control.lobby) {
                outbox.queue(active[i], new ChatText(text), nowNs);
            }
        }
        events.chatSent(senderId, text);
    }

    /**
     * Sends the current client list to every connected channel (after a join, leave or profile change); a channel
     * in the lobby sees only itself.
     */
    void sendClientListToAll(long nowNs) {
        List<ClientListEntry> list = metronome.listed(channels.clientList());
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            ClientChannel c = active[i];
            outbox.queue(c, new ConnectedMessage.ConnClientsList(c.control.lobby ? ChannelTable.lobbyView(c) : list),
                    nowNs);
        }
        events.clientListChanged(channels);
    }

    /** In auto mode the server tells the client whenever its side of the jitter buffer changes size (doc §3.1). */
    void reportAutoJitterSize(ClientChannel c, long nowNs) {
        if (c.control.jitterRequest != JitterBufferSize.AUTO || c.input.jitter == null) {
            return;
        }
        int frames = Math.max(1, Math.min(20, c.jitterFrames()));
        if (frames != c.control.reportedJitterFrames) {
            c.control.reportedJitterFrames = frames;
            outbox.queue(c, new JitterBufferSize(frames), nowNs);
        }
    }

    /**
     * Sends CLM_CHANNEL_LEVEL_LIST to every connected channel (doc §6.5), and jitter buffer size changes. The frame
     * is packed into preallocated arrays (two levels per byte, low nibble first, 0xF ends an odd list), so the
     * ~4 lists per second allocate nothing.
     */
    void sendLevels(long nowNs) {
        int n = channels.activeCount();
        if (n == 0) {
            return;
        }
        ClientChannel[] active = channels.active();
        // The list follows the client list: channels in the lobby are left out (and get no level list), and the
        // metronome's level comes last, as its list entry.
        int bodyBytes = 0;
        int listed = 0;
        int pending = -1;
        for (int i = 0; i <= n; i++) {
            int step;
            if (i < n) {
                if (active[i].control.lobby) {
                    continue;
                }
                step = active[i].input.meter.meterStepLeftOrMono();
            } else if (metronome.enabled()) {
                step = metronome.levelStep();
            } else {
                break;
            }
            int level = level(step, listed++);
            if (pending < 0) {
                pending = level;
            } else {
                levelBody[bodyBytes++] = (byte) (pending | level << 4);
                pending = -1;
            }
        }
        if (pending >= 0) {
            levelBody[bodyBytes++] = (byte) (pending | 0x0F << 4);
        }
        int length = Frame.write(MessageId.CLM_CHANNEL_LEVEL_LIST, 0, levelBody, 0, bodyBytes, levelFrame, 0);
        for (int i = 0; i < n; i++) {
            if (listed > 0 && !active[i].control.lobby) {
                outbox.sendFrame(active[i].endpoint, levelFrame, 0, length);
            }
            reportAutoJitterSize(active[i], nowNs);
        }
    }

    /** The wire level of list entry {@code i}: 0..15 for even entries, 0..14 for odd ones (15 would end the list). */
    private static int level(int step, int i) {
        return Math.min(step, (i & 1) == 0 ? 15 : 14);
    }

    static String truncate(String text) {
        return text.length() > StringLimits.CHAT
                ? text.substring(0, StringLimits.CHAT) : text;
    }
}
