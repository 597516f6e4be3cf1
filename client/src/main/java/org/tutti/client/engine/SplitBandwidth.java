package org.tutti.client.engine;

import java.util.List;
import org.tutti.codec.OpusQuality;
import org.tutti.protocol.StreamBandwidth;

/**
 * What a split costs on the network. Each channel is a full Jamulus connection: it sends its stream up, and the
 * server sends it a personal mix down in the same format (the extra channels' mixes are discarded, but they still
 * travel). Figures are on an IP network (payload, sequence byte, IPv4 and UDP headers: docs/bandwidth.md's table).
 *
 * @param channelKbps kbit/s of each channel, the main one first; the same figure up and down
 */
public record SplitBandwidth(int[] channelKbps) {
    public static SplitBandwidth of(int bufferFrames, boolean smallNetworkBuffers, OpusQuality quality,
                                    ChannelMode mainMode, List<SplitChannel> extra) {
        int[] kbps = new int[1 + extra.size()];
        kbps[0] = ipKbps(StreamConfig.choose(bufferFrames, smallNetworkBuffers, quality, mainMode));
        for (int i = 0; i < extra.size(); i++) {
            kbps[i + 1] = ipKbps(StreamConfig.choose(bufferFrames, smallNetworkBuffers, quality, extra.get(i).mode()));
        }
        return new SplitBandwidth(kbps);
    }

    private static int ipKbps(StreamConfig config) {
        return (int) Math.round(StreamBandwidth.ipKbps(config.transportProps(true)));
    }

    public int channels() {
        return channelKbps.length;
    }

    /** Upload of all channels together; the download is the same. */
    public int totalKbps() {
        int sum = 0;
        for (int k : channelKbps) {
            sum += k;
        }
        return sum;
    }
}
