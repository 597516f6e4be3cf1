package org.tutti.server.engine;

import org.tutti.audio.JitterCounters;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.NetworkTransportProps;

/**
 * One connected client as JSON-RPC reports it ({@code jamulusserver/getClients}).
 *
 * @param id                channel ID
 * @param address           "ip:port"
 * @param info              the client's profile (empty until identified)
 * @param jitterBufferSize  server-side jitter buffer in codec frames
 * @param audioChannels     1 or 2 (0 before the stream format is known)
 * @param props             the client's audio stream format as last declared, or null before it did
 * @param jitter            the server-side jitter buffer's counters (concealed frames, holds, skips …)
 * @param lobby             waiting in the password lobby: not heard, not listed to the others
 */
public record ClientSnapshot(int id, String address, ChannelInfo info, int jitterBufferSize, int audioChannels,
                             NetworkTransportProps props, JitterCounters jitter, boolean lobby) {
}
