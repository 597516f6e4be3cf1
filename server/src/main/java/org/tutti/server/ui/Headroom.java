package org.tutti.server.ui;

import org.tutti.codec.OpusQuality;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.NetworkTransportProps;
import org.tutti.protocol.StreamBandwidth;

/**
 * How many more musicians a home server's upload can carry: the server sends every musician their own mix, so its
 * upload carries the sum of the downstream streams. A newcomer is counted at the settings most clients use (Jamulus's
 * defaults: mono, normal quality, 128-sample frames, one frame per packet, sequence numbers): 222 kbit/s.
 */
public final class Headroom {
    /** One musician at mono, normal quality, 128 samples (docs/bandwidth.md). */
    public static final double TYPICAL_KBPS =
            StreamBandwidth.ipKbps(NetworkTransportProps.of(AudioCodec.OPUS, 1,
                    OpusQuality.NORMAL.codedBytes(128, 1), 1, true));
    /** Keep a tenth of the upload for everything else on the line (and the estimate's error). */
    private static final double USABLE_SHARE = 0.9;

    private Headroom() {
    }

    /** Musicians at typical settings that fit in {@code uplinkKbps} beside the {@code usedKbps} sent now; ≥ 0. */
    public static int moreMusicians(double uplinkKbps, double usedKbps) {
        double free = uplinkKbps * USABLE_SHARE - usedKbps;
        return free <= 0 ? 0 : (int) Math.floor(free / TYPICAL_KBPS);
    }
}
