package org.tutti.protocol;

/**
 * One connected channel in CONN_CLIENTS_LIST (ID 24) and CLM_CONN_CLIENTS_LIST (ID 1013), protocol doc §3.4.
 * The wire entry also has a u32 that used to hold the client IP; it is always written as 0 and ignored on read.
 *
 * @param channelId the channel's ID on the server (u8, &lt; 150 in practice)
 * @param info      the channel's profile ({@link ChannelInfo#EMPTY} until the client identified itself)
 */
public record ClientListEntry(int channelId, ChannelInfo info) {
    public ClientListEntry {
        Fields.u8(channelId, "channelId");
        if (info == null) {
            throw new IllegalArgumentException("info must not be null");
        }
    }
}
