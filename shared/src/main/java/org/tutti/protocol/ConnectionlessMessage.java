package org.tutti.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Connection-less messages (CLMs, IDs 1000–1999, protocol doc §3.2): sent once, counter 0, never ACKed, never
 * split, accepted from any address. Records with no components have an empty body (extra bytes are ignored on
 * receipt, as Jamulus does).
 */
public sealed interface ConnectionlessMessage extends Message {

    /** CLM_PING_MS (1001): a ms timestamp (u32, kept as its 32 bits); the server echoes it unchanged. */
    record PingMs(int timeMs) implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_PING_MS;
        }
    }

    /** CLM_PING_MS_WITHNUMCLIENTS (1002): ping; the server echoes the time and fills in its client count. */
    record PingMsWithNumClients(int timeMs, int numClients) implements ConnectionlessMessage {
        public PingMsWithNumClients {
            Fields.u8(numClients, "numClients");
        }

        public int id() {
            return MessageId.CLM_PING_MS_WITHNUMCLIENTS;
        }
    }

    /** CLM_SERVER_FULL (1003): sent for every audio packet from an unknown address while all slots are used. */
    record ServerFull() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_SERVER_FULL;
        }
    }

    /** CLM_REGISTER_SERVER (1004): legacy registration without OS and version. */
    record RegisterServer(ServerRegistration registration) implements ConnectionlessMessage {
        public RegisterServer {
            if (registration == null) {
                throw new IllegalArgumentException("registration must not be null");
            }
        }

        public int id() {
            return MessageId.CLM_REGISTER_SERVER;
        }
    }

    /** CLM_UNREGISTER_SERVER (1005): removes the sender's directory entry. */
    record UnregisterServer() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_UNREGISTER_SERVER;
        }
    }

    /** CLM_SERVER_LIST (1006): the full server list; entry 0 is the directory itself. */
    record ServerList(List<ServerListEntry> servers) implements ConnectionlessMessage {
        public ServerList {
            servers = List.copyOf(servers);
        }

        public int id() {
            return MessageId.CLM_SERVER_LIST;
        }
    }

    /** CLM_REQ_SERVER_LIST (1007): a client asks a directory for its list. */
    record ReqServerList() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_REQ_SERVER_LIST;
        }
    }

    /** CLM_SEND_EMPTY_MESSAGE (1008): directory asks a server to send 1009 to {@code ipv4:port} (NAT hole punch). */
    record SendEmptyMessage(int ipv4, int port) implements ConnectionlessMessage {
        public SendEmptyMessage {
            Fields.u16(port, "port");
        }

        public int id() {
            return MessageId.CLM_SEND_EMPTY_MESSAGE;
        }
    }

    /** CLM_EMPTY_MESSAGE (1009): keep-alive / hole punch; ignored on receipt. */
    record EmptyMessage() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_EMPTY_MESSAGE;
        }
    }

    /** CLM_DISCONNECTION (1010): the sender leaves (C→S) or the server quits (S→C). */
    record Disconnection() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_DISCONNECTION;
        }
    }

    /** CLM_VERSION_AND_OS (1011): answer to 1012; {@code os} is the wire code, version ≤ 30 UTF-16 units. */
    record VersionAndOs(int os, String version) implements ConnectionlessMessage {
        public VersionAndOs {
            Fields.u8(os, "os");
            StringLimits.require(version, StringLimits.VERSION, "version");
        }

        public int id() {
            return MessageId.CLM_VERSION_AND_OS;
        }
    }

    /** CLM_REQ_VERSION_AND_OS (1012). */
    record ReqVersionAndOs() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_REQ_VERSION_AND_OS;
        }
    }

    /** CLM_CONN_CLIENTS_LIST (1013): the channel list for the server-list UI; same entries as ID 24. */
    record ConnClientsList(List<ClientListEntry> clients) implements ConnectionlessMessage {
        public ConnClientsList {
            clients = List.copyOf(clients);
        }

        public int id() {
            return MessageId.CLM_CONN_CLIENTS_LIST;
        }
    }

    /** CLM_REQ_CONN_CLIENTS_LIST (1014). */
    record ReqConnClientsList() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_REQ_CONN_CLIENTS_LIST;
        }
    }

    /**
     * CLM_CHANNEL_LEVEL_LIST (1015): one meter level per connected channel, in client-list order (protocol doc
     * §3.8). Levels are 0..8 (9 at most) in practice; on the wire two per byte, so a level at an odd position
     * cannot be 15 (that nibble marks the end). At most {@link #MAX_LEVELS} levels.
     */
    record ChannelLevelList(byte[] levels) implements ConnectionlessMessage {
        /** 150 channels, i.e. a 75-byte body. */
        public static final int MAX_LEVELS = 150;

        public ChannelLevelList {
            levels = levels.clone();
            if (levels.length > MAX_LEVELS) {
                throw new IllegalArgumentException("more than 150 levels: " + levels.length);
            }
            for (int i = 0; i < levels.length; i++) {
                int max = (i & 1) == 0 ? 15 : 14;
                if (levels[i] < 0 || levels[i] > max) {
                    throw new IllegalArgumentException("level " + i + " not 0.." + max + ": " + levels[i]);
                }
            }
        }

        public int id() {
            return MessageId.CLM_CHANNEL_LEVEL_LIST;
        }

        @Override
        public byte[] levels() {
            return levels.clone();
        }

        /** Number of levels without copying. */
        public int count() {
            return levels.length;
        }

        /** Level of the i-th channel in list order. */
        public int level(int i) {
            return levels[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChannelLevelList(byte[] l) && Arrays.equals(l, levels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(levels);
        }

        @Override
        public String toString() {
            return "ChannelLevelList" + Arrays.toString(levels);
        }
    }

    /** CLM_REGISTER_SERVER_RESP (1016): directory's answer to a registration. */
    record RegisterServerResp(RegistrationResult result) implements ConnectionlessMessage {
        public RegisterServerResp {
            if (result == null) {
                throw new IllegalArgumentException("result must not be null");
            }
        }

        public int id() {
            return MessageId.CLM_REGISTER_SERVER_RESP;
        }
    }

    /** CLM_REGISTER_SERVER_EX (1017): the registration 3.9.1 sends: {@link ServerRegistration} + OS + version. */
    record RegisterServerEx(ServerRegistration registration, int os, String version)
            implements ConnectionlessMessage {
        public RegisterServerEx {
            if (registration == null) {
                throw new IllegalArgumentException("registration must not be null");
            }
            Fields.u8(os, "os");
            StringLimits.require(version, StringLimits.VERSION, "version");
        }

        public int id() {
            return MessageId.CLM_REGISTER_SERVER_EX;
        }
    }

    /** CLM_RED_SERVER_LIST (1018): the reduced list a directory sends before 1006. */
    record ReducedServerList(List<ReducedServerListEntry> servers) implements ConnectionlessMessage {
        public ReducedServerList {
            servers = List.copyOf(servers);
        }

        public int id() {
            return MessageId.CLM_RED_SERVER_LIST;
        }
    }

    /** CLM_SERVER_FEATURES (1019, 4.0-beta): a u32 feature bitmask (bit 6 = raw audio …; doc §11). */
    record ServerFeatures(int featureBits) implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_SERVER_FEATURES;
        }
    }

    /** CLM_REQ_SERVER_FEATURES (1020, 4.0-beta). */
    record ReqServerFeatures() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_REQ_SERVER_FEATURES;
        }
    }

    /** CLM_WELCOME_MESSAGE (1021, 4.0-beta): the welcome text without the "Server Welcome Message:" prefix. */
    record WelcomeMessage(String text) implements ConnectionlessMessage {
        public WelcomeMessage {
            StringLimits.require(text, StringLimits.WELCOME, "welcome message");
        }

        public int id() {
            return MessageId.CLM_WELCOME_MESSAGE;
        }
    }

    /** CLM_REQ_WELCOME_MESSAGE (1022, 4.0-beta). */
    record ReqWelcomeMessage() implements ConnectionlessMessage {
        public int id() {
            return MessageId.CLM_REQ_WELCOME_MESSAGE;
        }
    }

    /** A CLM ID this implementation does not know; Jamulus ignores these. */
    record Unknown(int id, byte[] body) implements ConnectionlessMessage {
        public Unknown {
            if (!MessageId.isConnectionless(id)) {
                throw new IllegalArgumentException("not a connection-less ID: " + id);
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
