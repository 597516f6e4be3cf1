package org.tutti.protocol;

/**
 * Jamulus message IDs (protocol doc §3.1 and §3.2). IDs 1000–1999 are connection-less messages (CLMs); every
 * other ID, including the split container 2001, is a connected (reliable, ACKed) message.
 */
public final class MessageId {
    public static final int ILLEGAL = 0;
    public static final int ACKN = 1;
    public static final int JITT_BUF_SIZE = 10;
    public static final int REQ_JITT_BUF_SIZE = 11;
    public static final int NET_BLSI_FACTOR = 12;
    public static final int CHANNEL_GAIN = 13;
    public static final int CONN_CLIENTS_LIST_NAME = 14;
    public static final int SERVER_FULL = 15;
    public static final int REQ_CONN_CLIENTS_LIST = 16;
    public static final int CHANNEL_NAME = 17;
    public static final int CHAT_TEXT = 18;
    public static final int PING_MS = 19;
    public static final int NETW_TRANSPORT_PROPS = 20;
    public static final int REQ_NETW_TRANSPORT_PROPS = 21;
    public static final int DISCONNECTION = 22;
    public static final int REQ_CHANNEL_INFOS = 23;
    public static final int CONN_CLIENTS_LIST = 24;
    public static final int CHANNEL_INFOS = 25;
    public static final int OPUS_SUPPORTED = 26;
    public static final int LICENCE_REQUIRED = 27;
    public static final int REQ_CHANNEL_LEVEL_LIST = 28;
    public static final int VERSION_AND_OS = 29;
    public static final int CHANNEL_PAN = 30;
    public static final int MUTE_STATE_CHANGED = 31;
    public static final int CLIENT_ID = 32;
    public static final int RECORDER_STATE = 33;
    public static final int REQ_SPLIT_MESS_SUPPORT = 34;
    public static final int SPLIT_MESS_SUPPORTED = 35;
    public static final int RAWAUDIO_SUPPORTED = 36;
    public static final int SPECIAL_SPLIT_MESSAGE = 2001;

    public static final int CLM_START = 1000;
    public static final int CLM_PING_MS = 1001;
    public static final int CLM_PING_MS_WITHNUMCLIENTS = 1002;
    public static final int CLM_SERVER_FULL = 1003;
    public static final int CLM_REGISTER_SERVER = 1004;
    public static final int CLM_UNREGISTER_SERVER = 1005;
    public static final int CLM_SERVER_LIST = 1006;
    public static final int CLM_REQ_SERVER_LIST = 1007;
    public static final int CLM_SEND_EMPTY_MESSAGE = 1008;
    public static final int CLM_EMPTY_MESSAGE = 1009;
    public static final int CLM_DISCONNECTION = 1010;
    public static final int CLM_VERSION_AND_OS = 1011;
    public static final int CLM_REQ_VERSION_AND_OS = 1012;
    public static final int CLM_CONN_CLIENTS_LIST = 1013;
    public static final int CLM_REQ_CONN_CLIENTS_LIST = 1014;
    public static final int CLM_CHANNEL_LEVEL_LIST = 1015;
    public static final int CLM_REGISTER_SERVER_RESP = 1016;
    public static final int CLM_REGISTER_SERVER_EX = 1017;
    public static final int CLM_RED_SERVER_LIST = 1018;
    public static final int CLM_SERVER_FEATURES = 1019;
    public static final int CLM_REQ_SERVER_FEATURES = 1020;
    public static final int CLM_WELCOME_MESSAGE = 1021;
    public static final int CLM_REQ_WELCOME_MESSAGE = 1022;

    private MessageId() {
    }

    /** True for connection-less IDs (1000–1999): no ACK, no counter, never split. */
    public static boolean isConnectionless(int id) {
        return id >= 1000 && id < 2000;
    }

    /** True for the connected IDs that Jamulus no longer uses (they are ACKed and otherwise ignored). */
    public static boolean isObsolete(int id) {
        return id == ILLEGAL || id == NET_BLSI_FACTOR || id == CONN_CLIENTS_LIST_NAME || id == SERVER_FULL
                || id == CHANNEL_NAME || id == PING_MS || id == DISCONNECTION;
    }
}
