package org.tutti.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Connected messages (protocol doc §3.1): sent through the per-connection reliable channel, numbered, ACKed and
 * re-sent until ACKed. Records with no components are requests or flags with an empty body. Jamulus ignores
 * extra bytes after an empty body, and so does {@link MessageCodec}.
 */
public sealed interface ConnectedMessage extends Message {

    /** ACKN (1): acknowledges the message with {@code ackedId}; the frame counter is the acknowledged counter. */
    record Ack(int ackedId) implements ConnectedMessage {
        public Ack {
            Fields.u16(ackedId, "ackedId");
        }

        public int id() {
            return MessageId.ACKN;
        }
    }

    /** JITT_BUF_SIZE (10): jitter buffer size in blocks, 1..20, or {@link #AUTO} (21). */
    record JitterBufferSize(int blocks) implements ConnectedMessage {
        /** Wire value meaning "automatic". */
        public static final int AUTO = 21;

        public JitterBufferSize {
            if (blocks < 1 || blocks > AUTO) {
                throw new IllegalArgumentException("jitter buffer size not 1..21: " + blocks);
            }
        }

        public int id() {
            return MessageId.JITT_BUF_SIZE;
        }
    }

    /** REQ_JITT_BUF_SIZE (11): server asks for the client's jitter buffer setting. */
    record ReqJitterBufferSize() implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_JITT_BUF_SIZE;
        }
    }

    /** CHANNEL_GAIN (13): gain of {@code channelId} in the sender's own mix; see {@link GainPan}. */
    record ChannelGain(int channelId, int gain) implements ConnectedMessage {
        public ChannelGain {
            Fields.u8(channelId, "channelId");
            Fields.u16(gain, "gain");
        }

        public int id() {
            return MessageId.CHANNEL_GAIN;
        }
    }

    /** REQ_CONN_CLIENTS_LIST (16): client asks for the channel list. */
    record ReqConnClientsList() implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_CONN_CLIENTS_LIST;
        }
    }

    /** CHAT_TEXT (18): plain text C→S, HTML S→C; at most {@link StringLimits#CHAT} UTF-16 units. */
    record ChatText(String text) implements ConnectedMessage {
        public ChatText {
            StringLimits.require(text, StringLimits.CHAT, "chat text");
        }

        /** Chat text cut to the wire limit, as Jamulus senders do. */
        public static ChatText truncating(String text) {
            return new ChatText(StringLimits.truncate(text, StringLimits.CHAT));
        }

        public int id() {
            return MessageId.CHAT_TEXT;
        }
    }

    /** NETW_TRANSPORT_PROPS (20): the audio stream the client sends and wants back. */
    record TransportProps(NetworkTransportProps props) implements ConnectedMessage {
        public TransportProps {
            if (props == null) {
                throw new IllegalArgumentException("props must not be null");
            }
        }

        public int id() {
            return MessageId.NETW_TRANSPORT_PROPS;
        }
    }

    /** REQ_NETW_TRANSPORT_PROPS (21): server asks for the client's transport properties. */
    record ReqTransportProps() implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_NETW_TRANSPORT_PROPS;
        }
    }

    /** REQ_CHANNEL_INFOS (23): server asks for the client's profile. */
    record ReqChannelInfos() implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_CHANNEL_INFOS;
        }
    }

    /** CONN_CLIENTS_LIST (24): all connected channels, ascending channel ID. */
    record ConnClientsList(List<ClientListEntry> clients) implements ConnectedMessage {
        public ConnClientsList {
            clients = List.copyOf(clients);
        }

        public int id() {
            return MessageId.CONN_CLIENTS_LIST;
        }
    }

    /** CHANNEL_INFOS (25): the client's profile. */
    record ChannelInfos(ChannelInfo info) implements ConnectedMessage {
        public ChannelInfos {
            if (info == null) {
                throw new IllegalArgumentException("info must not be null");
            }
        }

        public int id() {
            return MessageId.CHANNEL_INFOS;
        }
    }

    /** OPUS_SUPPORTED (26): server tells a CELT client that it needs Opus. */
    record OpusSupported() implements ConnectedMessage {
        public int id() {
            return MessageId.OPUS_SUPPORTED;
        }
    }

    /** LICENCE_REQUIRED (27): server asks the musician to accept a licence. */
    record LicenceRequired(LicenceType licence) implements ConnectedMessage {
        public LicenceRequired {
            if (licence == null) {
                throw new IllegalArgumentException("licence must not be null");
            }
        }

        public int id() {
            return MessageId.LICENCE_REQUIRED;
        }
    }

    /** REQ_CHANNEL_LEVEL_LIST (28): legacy opt-in for level lists; 3.9.1 clients still send it (true). */
    record ReqChannelLevelList(boolean enabled) implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_CHANNEL_LEVEL_LIST;
        }
    }

    /**
     * VERSION_AND_OS (29): server's OS and version, sent on connect. Version ≥ 3.6.0 (see
     * {@link JamulusVersion}) turns on audio sequence numbers.
     *
     * @param os      OS wire code (u8), see {@link OperatingSystem#fromCode}
     * @param version version text, at most {@link StringLimits#VERSION} UTF-16 units
     */
    record VersionAndOs(int os, String version) implements ConnectedMessage {
        public VersionAndOs {
            Fields.u8(os, "os");
            StringLimits.require(version, StringLimits.VERSION, "version");
        }

        public int id() {
            return MessageId.VERSION_AND_OS;
        }
    }

    /** CHANNEL_PAN (30): pan of {@code channelId} in the sender's mix; see {@link GainPan}. */
    record ChannelPan(int channelId, int pan) implements ConnectedMessage {
        public ChannelPan {
            Fields.u8(channelId, "channelId");
            Fields.u16(pan, "pan");
        }

        public int id() {
            return MessageId.CHANNEL_PAN;
        }
    }

    /** MUTE_STATE_CHANGED (31, S→C): channel {@code channelId} muted (or unmuted) the receiver in its mix. */
    record MuteStateChanged(int channelId, boolean muted) implements ConnectedMessage {
        public MuteStateChanged {
            Fields.u8(channelId, "channelId");
        }

        public int id() {
            return MessageId.MUTE_STATE_CHANGED;
        }
    }

    /** CLIENT_ID (32): the receiver's own channel ID; always the first message of a connection. */
    record ClientId(int channelId) implements ConnectedMessage {
        public ClientId {
            Fields.u8(channelId, "channelId");
        }

        public int id() {
            return MessageId.CLIENT_ID;
        }
    }

    /** RECORDER_STATE (33): the server's jam recorder state. */
    record RecorderStateMessage(RecorderState state) implements ConnectedMessage {
        public RecorderStateMessage {
            if (state == null) {
                throw new IllegalArgumentException("state must not be null");
            }
        }

        public int id() {
            return MessageId.RECORDER_STATE;
        }
    }

    /** REQ_SPLIT_MESS_SUPPORT (34): server asks whether the client understands split messages. */
    record ReqSplitMessSupport() implements ConnectedMessage {
        public int id() {
            return MessageId.REQ_SPLIT_MESS_SUPPORT;
        }
    }

    /** SPLIT_MESS_SUPPORTED (35): the client answers 34; both sides then split bodies over 550 bytes. */
    record SplitMessSupported() implements ConnectedMessage {
        public int id() {
            return MessageId.SPLIT_MESS_SUPPORTED;
        }
    }

    /** RAWAUDIO_SUPPORTED (36, 4.0-beta): the server accepts uncompressed PCM audio. */
    record RawAudioSupported() implements ConnectedMessage {
        public int id() {
            return MessageId.RAWAUDIO_SUPPORTED;
        }
    }

    /**
     * SPECIAL_SPLIT_MESSAGE (2001): one part of a split message. The reliable channel produces and consumes these;
     * engines never see them.
     */
    record SplitPart(int originalId, int partCount, int partIndex, byte[] data) implements ConnectedMessage {
        public SplitPart {
            Fields.u16(originalId, "originalId");
            Fields.u8(partCount, "partCount");
            Fields.u8(partIndex, "partIndex");
            data = data.clone();
        }

        public int id() {
            return MessageId.SPECIAL_SPLIT_MESSAGE;
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Length of the data without copying it. */
        public int dataLength() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SplitPart(int oid, int count, int index, byte[] d) && oid == originalId
                    && count == partCount && index == partIndex && Arrays.equals(d, data);
        }

        @Override
        public int hashCode() {
            return ((originalId * 31 + partCount) * 31 + partIndex) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "SplitPart[originalId=" + originalId + ", part " + partIndex + "/" + partCount + ", "
                    + data.length + " bytes]";
        }
    }

    /** An obsolete connected ID (0, 12, 14, 15, 17, 19, 22): ACKed and otherwise ignored; body kept raw. */
    record Obsolete(int id, byte[] body) implements ConnectedMessage {
        public Obsolete {
            if (!MessageId.isObsolete(id)) {
                throw new IllegalArgumentException("not an obsolete message ID: " + id);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Obsolete(int i, byte[] b) && i == id && Arrays.equals(b, body);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Obsolete[id=" + id + ", body=" + HexFormat.of().formatHex(body) + "]";
        }
    }

    /** A connected ID this implementation does not know (e.g. from a newer peer). It must still be ACKed. */
    record Unknown(int id, byte[] body) implements ConnectedMessage {
        public Unknown {
            Fields.u16(id, "id");
            if (MessageId.isConnectionless(id)) {
                throw new IllegalArgumentException("connection-less ID: " + id);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown(int i, byte[] b) && i == id && Arrays.equals(b, body);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Unknown[id=" + id + ", body=" + HexFormat.of().formatHex(body) + "]";
        }
    }
}
