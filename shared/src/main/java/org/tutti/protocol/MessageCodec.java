package org.tutti.protocol;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tutti.protocol.ConnectedMessage.*;
import org.tutti.protocol.ConnectionlessMessage.*;

/**
 * The one codec between message records and wire bytes (protocol doc §3). Stateless and side-effect free.
 * Decoding applies the checks a Jamulus 3.9.1 receiver applies (sizes, string limits, value ranges) and reports
 * a violation as {@link MalformedMessageException}; unknown IDs decode to {@code Unknown} records. Encoding never
 * fails for a valid record (records validate themselves on construction).
 *
 * <p>This file is long because it is the message catalogue; each case is a few lines that mirror the layout in
 * the protocol doc.
 */
public final class MessageCodec {
    private MessageCodec() {
    }

    /**
     * Decodes a complete frame (validates tag, length and CRC first). The counter is {@link Frame#counter}.
     *
     * @throws MalformedMessageException with {@code messageId() == -1} for a broken frame, or with the ID for a
     *                                   broken body
     */
    public static Message decodeFrame(byte[] datagram, int off, int len) throws MalformedMessageException {
        if (!Frame.isValid(datagram, off, len)) {
            throw new MalformedMessageException(-1, "not a protocol frame (tag, length or CRC wrong)");
        }
        return decode(Frame.id(datagram, off), datagram, Frame.bodyOffset(off), Frame.bodyLength(datagram, off));
    }

    /** Decodes the body of message {@code id}: {@code len} bytes of {@code buf} at {@code off}. */
    public static Message decode(int id, byte[] buf, int off, int len) throws MalformedMessageException {
        BodyReader r = new BodyReader(id, buf, off, len);
        return MessageId.isConnectionless(id) ? decodeConnectionless(id, r) : decodeConnected(id, r);
    }

    private static ConnectedMessage decodeConnected(int id, BodyReader r) throws MalformedMessageException {
        return switch (id) {
            case MessageId.ACKN -> {
                r.requireLength(2);
                yield new Ack(r.u16("acked id"));
            }
            case MessageId.JITT_BUF_SIZE -> {
                r.requireLength(2);
                int blocks = r.u16("size");
                if (blocks < 1 || blocks > JitterBufferSize.AUTO) {
                    throw r.malformed("jitter buffer size not 1..21: " + blocks);
                }
                yield new JitterBufferSize(blocks);
            }
            case MessageId.REQ_JITT_BUF_SIZE -> new ReqJitterBufferSize();
            case MessageId.CHANNEL_GAIN -> {
                r.requireLength(3);
                yield new ChannelGain(r.u8("channel"), r.u16("gain"));
            }
            case MessageId.REQ_CONN_CLIENTS_LIST -> new ConnectedMessage.ReqConnClientsList();
            case MessageId.CHAT_TEXT -> {
                String text = r.str16(StringLimits.CHAT, "chat text");
                r.requireEnd();
                yield new ChatText(text);
            }
            case MessageId.NETW_TRANSPORT_PROPS -> new TransportProps(transportProps(r));
            case MessageId.REQ_NETW_TRANSPORT_PROPS -> new ReqTransportProps();
            case MessageId.REQ_CHANNEL_INFOS -> new ReqChannelInfos();
            case MessageId.CONN_CLIENTS_LIST -> new ConnectedMessage.ConnClientsList(clientList(r));
            case MessageId.CHANNEL_INFOS -> {
                if (r.remaining() < 7) {
                    throw r.malformed("channel info shorter than 7 bytes");
                }
                ChannelInfo info = channelInfo(r);
                r.requireEnd();
                yield new ChannelInfos(info);
            }
            case MessageId.OPUS_SUPPORTED -> new OpusSupported();
            case MessageId.LICENCE_REQUIRED -> {
                r.requireLength(1);
                int code = r.u8("licence");
                LicenceType licence = LicenceType.fromCode(code);
                if (licence == null) {
                    throw r.malformed("unknown licence type " + code);
                }
                yield new LicenceRequired(licence);
            }
            case MessageId.REQ_CHANNEL_LEVEL_LIST -> {
                r.requireLength(1);
                yield new ReqChannelLevelList(r.u8("flag") != 0);
            }
            case MessageId.VERSION_AND_OS -> {
                int os = r.u8("os");
                String version = r.str16(StringLimits.VERSION, "version");
                r.requireEnd();
                yield new ConnectedMessage.VersionAndOs(os, version);
            }
            case MessageId.CHANNEL_PAN -> {
                r.requireLength(3);
                yield new ChannelPan(r.u8("channel"), r.u16("pan"));
            }
            case MessageId.MUTE_STATE_CHANGED -> {
                r.requireLength(2);
                yield new MuteStateChanged(r.u8("channel"), r.u8("muted") != 0);
            }
            case MessageId.CLIENT_ID -> {
                r.requireLength(1);
                yield new ClientId(r.u8("channel"));
            }
            case MessageId.RECORDER_STATE -> {
                r.requireLength(1);
                int code = r.u8("state");
                RecorderState state = RecorderState.fromCode(code);
                if (state == null) {
                    throw r.malformed("recorder state not 1..3: " + code);
                }
                yield new RecorderStateMessage(state);
            }
            case MessageId.REQ_SPLIT_MESS_SUPPORT -> new ReqSplitMessSupport();
            case MessageId.SPLIT_MESS_SUPPORTED -> new SplitMessSupported();
            case MessageId.RAWAUDIO_SUPPORTED -> new RawAudioSupported();
            case MessageId.SPECIAL_SPLIT_MESSAGE -> {
                if (r.remaining() < 4) {
                    throw r.malformed("split container shorter than 4 bytes");
                }
                yield new SplitPart(r.u16("original id"), r.u8("part count"), r.u8("part index"), r.rest());
            }
            default -> MessageId.isObsolete(id) ? new Obsolete(id, r.rest()) : new ConnectedMessage.Unknown(id, r.rest());
        };
    }

    private static ConnectionlessMessage decodeConnectionless(int id, BodyReader r)
            throws MalformedMessageException {
        return switch (id) {
            case MessageId.CLM_PING_MS -> {
                r.requireLength(4);
                yield new PingMs(r.u32("time"));
            }
            case MessageId.CLM_PING_MS_WITHNUMCLIENTS -> {
                r.requireLength(5);
                yield new PingMsWithNumClients(r.u32("time"), r.u8("clients"));
            }
            case MessageId.CLM_SERVER_FULL -> new ServerFull();
            case MessageId.CLM_REGISTER_SERVER -> {
                ServerRegistration reg = registration(r);
                r.requireEnd();
                yield new RegisterServer(reg);
            }
            case MessageId.CLM_UNREGISTER_SERVER -> new UnregisterServer();
            case MessageId.CLM_SERVER_LIST -> new ServerList(serverList(r));
            case MessageId.CLM_REQ_SERVER_LIST -> new ReqServerList();
            case MessageId.CLM_SEND_EMPTY_MESSAGE -> {
                r.requireLength(6);
                yield new SendEmptyMessage(r.u32("address"), r.u16("port"));
            }
            case MessageId.CLM_EMPTY_MESSAGE -> new EmptyMessage();
            case MessageId.CLM_DISCONNECTION -> new Disconnection();
            case MessageId.CLM_VERSION_AND_OS -> {
                int os = r.u8("os");
                String version = r.str16(StringLimits.VERSION, "version");
                r.requireEnd();
                yield new ConnectionlessMessage.VersionAndOs(os, version);
            }
            case MessageId.CLM_REQ_VERSION_AND_OS -> new ReqVersionAndOs();
            case MessageId.CLM_CONN_CLIENTS_LIST -> new ConnectionlessMessage.ConnClientsList(clientList(r));
            case MessageId.CLM_REQ_CONN_CLIENTS_LIST -> new ConnectionlessMessage.ReqConnClientsList();
            case MessageId.CLM_CHANNEL_LEVEL_LIST -> new ChannelLevelList(levels(r));
            case MessageId.CLM_REGISTER_SERVER_RESP -> {
                r.requireLength(1);
                int code = r.u8("result");
                RegistrationResult result = RegistrationResult.fromCode(code);
                if (result == null) {
                    throw r.malformed("registration result not 0..3: " + code);
                }
                yield new RegisterServerResp(result);
            }
            case MessageId.CLM_REGISTER_SERVER_EX -> {
                ServerRegistration reg = registration(r);
                int os = r.u8("os");
                String version = r.str16(StringLimits.VERSION, "version");
                r.requireEnd();
                yield new RegisterServerEx(reg, os, version);
            }
            case MessageId.CLM_RED_SERVER_LIST -> new ReducedServerList(reducedServerList(r));
            case MessageId.CLM_SERVER_FEATURES -> {
                r.requireLength(4);
                yield new ServerFeatures(r.u32("features"));
            }
            case MessageId.CLM_REQ_SERVER_FEATURES -> new ReqServerFeatures();
            case MessageId.CLM_WELCOME_MESSAGE -> {
                String text = r.str16(StringLimits.WELCOME, "welcome message");
                r.requireEnd();
                yield new WelcomeMessage(text);
            }
            case MessageId.CLM_REQ_WELCOME_MESSAGE -> new ReqWelcomeMessage();
            default -> new ConnectionlessMessage.Unknown(id, r.rest());
        };
    }

    private static NetworkTransportProps transportProps(BodyReader r) throws MalformedMessageException {
        r.requireLength(NetworkTransportProps.WIRE_BYTES);
        long frameBytes = Integer.toUnsignedLong(r.u32("frame size"));
        int factor = r.u16("block factor");
        int channels = r.u8("channels");
        int sampleRate = r.u32("sample rate");
        int codec = r.u16("codec");
        int flags = r.u16("flags");
        int argument = r.u32("codec argument");
        String problem = NetworkTransportProps.problem(frameBytes, factor, channels, codec, flags);
        if (problem != null) {
            throw r.malformed(problem);
        }
        return new NetworkTransportProps((int) frameBytes, factor, channels, sampleRate, codec, flags, argument);
    }

    private static ChannelInfo channelInfo(BodyReader r) throws MalformedMessageException {
        int country = r.u16("country");
        int instrument = r.u32("instrument");
        int skill = r.u8("skill");
        String name = r.str16(StringLimits.NAME, "name");
        String city = r.str16(StringLimits.CITY, "city");
        return new ChannelInfo(country, instrument, skill, name, city);
    }

    private static List<ClientListEntry> clientList(BodyReader r) throws MalformedMessageException {
        List<ClientListEntry> list = new ArrayList<>();
        while (r.remaining() > 0) {
            if (r.remaining() < 12) {
                throw r.malformed("client list entry cut short");
            }
            int channel = r.u8("channel");
            int country = r.u16("country");
            int instrument = r.u32("instrument");
            int skill = r.u8("skill");
            r.u32("legacy address");
            String name = r.str16(StringLimits.NAME, "name");
            String city = r.str16(StringLimits.CITY, "city");
            list.add(new ClientListEntry(channel, new ChannelInfo(country, instrument, skill, name, city)));
        }
        return list;
    }

    private static ServerRegistration registration(BodyReader r) throws MalformedMessageException {
        if (r.remaining() < 6) {
            throw r.malformed("registration shorter than 6 bytes");
        }
        int port = r.u16("port");
        int country = r.u16("country");
        int maxClients = r.u8("max clients");
        boolean permanent = r.u8("permanent") != 0;
        String name = r.str16(StringLimits.SERVER_NAME, "server name");
        String address = r.str16(StringLimits.INTERNAL_ADDRESS, "internal address");
        if (!address.isEmpty() && !isIpLiteral(address)) {
            throw r.malformed("internal address is not an IP address: " + address);
        }
        String city = r.str16(StringLimits.CITY, "city");
        return new ServerRegistration(port, country, maxClients, permanent, name, address, city);
    }

    private static boolean isIpLiteral(String text) {
        try {
            InetAddress.ofLiteral(text); // parses only, never resolves
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<ServerListEntry> serverList(BodyReader r) throws MalformedMessageException {
        List<ServerListEntry> list = new ArrayList<>();
        while (r.remaining() > 0) {
            if (r.remaining() < 10) {
                throw r.malformed("server list entry cut short");
            }
            int ip = r.u32("address");
            int port = r.u16("port");
            int country = r.u16("country");
            int maxClients = r.u8("max clients");
            boolean permanent = r.u8("permanent") != 0;
            String name = r.str16(StringLimits.SERVER_NAME, "server name");
            String address = r.str16(StringLimits.INTERNAL_ADDRESS, "internal address");
            String city = r.str16(StringLimits.CITY, "city");
            list.add(new ServerListEntry(ip, port, country, maxClients, permanent, name, address, city));
        }
        return list;
    }

    private static List<ReducedServerListEntry> reducedServerList(BodyReader r) throws MalformedMessageException {
        List<ReducedServerListEntry> list = new ArrayList<>();
        while (r.remaining() > 0) {
            if (r.remaining() < 6) {
                throw r.malformed("reduced server list entry cut short");
            }
            int ip = r.u32("address");
            int port = r.u16("port");
            list.add(new ReducedServerListEntry(ip, port, r.str8(StringLimits.SERVER_NAME, "server name")));
        }
        return list;
    }

    /** Level nibbles: low nibble first; a high nibble of 0xF ends the list (odd count); rest ignored. */
    private static byte[] levels(BodyReader r) throws MalformedMessageException {
        int bytes = r.remaining();
        if (bytes * 2 > ChannelLevelList.MAX_LEVELS) {
            throw r.malformed("level list longer than 75 bytes: " + bytes);
        }
        byte[] levels = new byte[bytes * 2];
        int count = 0;
        for (int i = 0; i < bytes; i++) {
            int b = r.u8("levels");
            levels[count++] = (byte) (b & 0x0F);
            if ((b >>> 4) == 0x0F) {
                break;
            }
            levels[count++] = (byte) (b >>> 4);
        }
        return Arrays.copyOf(levels, count);
    }

    // ------------------------------------------------------------------------------------------ encoding

    /** The complete frame for a connection-less message (counter 0, as Jamulus sends them). */
    public static byte[] encodeFrame(ConnectionlessMessage message) {
        return encodeFrame(message, 0);
    }

    /**
     * The complete frame for {@code message} with counter {@code counter} (use 0 for CLMs). Connected messages
     * normally go through {@link org.tutti.net.ReliableChannel}, which numbers them.
     */
    public static byte[] encodeFrame(Message message, int counter) {
        return Frame.build(message.id(), counter, encodeBody(message));
    }

    /** The body bytes of {@code message}. */
    public static byte[] encodeBody(Message message) {
        BodyWriter w = new BodyWriter();
        switch (message) {
            case Ack(int ackedId) -> w.u16(ackedId);
            case JitterBufferSize(int blocks) -> w.u16(blocks);
            case ChannelGain(int channel, int gain) -> w.u8(channel).u16(gain);
            case ChatText(String text) -> w.str16(text);
            case TransportProps(NetworkTransportProps p) -> w.u32(p.baseNetworkFrameBytes()).u16(p.blockFactor())
                    .u8(p.channels()).u32(p.sampleRateHz()).u16(p.codec()).u16(p.flags()).u32(p.codecArgument());
            case ConnectedMessage.ConnClientsList(List<ClientListEntry> clients) -> clientList(w, clients);
            case ChannelInfos(ChannelInfo info) -> w.u16(info.country()).u32(info.instrument()).u8(info.skill())
                    .str16(info.name()).str16(info.city());
            case LicenceRequired(LicenceType licence) -> w.u8(licence.code());
            case ReqChannelLevelList(boolean enabled) -> w.u8(enabled ? 1 : 0);
            case ConnectedMessage.VersionAndOs(int os, String version) -> w.u8(os).str16(version);
            case ChannelPan(int channel, int pan) -> w.u8(channel).u16(pan);
            case MuteStateChanged(int channel, boolean muted) -> w.u8(channel).u8(muted ? 1 : 0);
            case ClientId(int channel) -> w.u8(channel);
            case RecorderStateMessage(RecorderState state) -> w.u8(state.code());
            case SplitPart p -> w.u16(p.originalId()).u8(p.partCount()).u8(p.partIndex()).bytes(p.data());
            case Obsolete o -> w.bytes(o.body());
            case ConnectedMessage.Unknown u -> w.bytes(u.body());
            case PingMs(int time) -> w.u32(time);
            case PingMsWithNumClients(int time, int clients) -> w.u32(time).u8(clients);
            case RegisterServer(ServerRegistration reg) -> registration(w, reg);
            case ServerList(List<ServerListEntry> servers) -> servers.forEach(s -> w.u32(s.ipv4()).u16(s.port())
                    .u16(s.country()).u8(s.maxClients()).u8(s.permanent() ? 1 : 0).str16(s.name())
                    .str16(s.internalAddress()).str16(s.city()));
            case SendEmptyMessage(int ip, int port) -> w.u32(ip).u16(port);
            case ConnectionlessMessage.VersionAndOs(int os, String version) -> w.u8(os).str16(version);
            case ConnectionlessMessage.ConnClientsList(List<ClientListEntry> clients) -> clientList(w, clients);
            case ChannelLevelList levels -> levels(w, levels);
            case RegisterServerResp(RegistrationResult result) -> w.u8(result.code());
            case RegisterServerEx(ServerRegistration reg, int os, String version) -> {
                registration(w, reg);
                w.u8(os).str16(version);
            }
            case ReducedServerList(List<ReducedServerListEntry> servers) ->
                    servers.forEach(s -> w.u32(s.ipv4()).u16(s.port()).str8(s.name()));
            case ServerFeatures(int bits) -> w.u32(bits);
            case WelcomeMessage(String text) -> w.str16(text);
            case ConnectionlessMessage.Unknown u -> w.bytes(u.body());
            default -> {
                // every remaining record has an empty body
            }
        }
        return w.toArray();
    }

    private static void clientList(BodyWriter w, List<ClientListEntry> clients) {
        for (ClientListEntry e : clients) {
            ChannelInfo i = e.info();
            w.u8(e.channelId()).u16(i.country()).u32(i.instrument()).u8(i.skill()).u32(0).str16(i.name())
                    .str16(i.city());
        }
    }

    private static void registration(BodyWriter w, ServerRegistration reg) {
        w.u16(reg.port()).u16(reg.country()).u8(reg.maxClients()).u8(reg.permanent() ? 1 : 0).str16(reg.name())
                .str16(reg.internalAddress()).str16(reg.city());
    }

    private static void levels(BodyWriter w, ChannelLevelList list) {
        int n = list.count();
        for (int i = 0; i < n; i += 2) {
            int hi = i + 1 < n ? list.level(i + 1) : 0x0F;
            w.u8(list.level(i) | hi << 4);
        }
    }
}
