package org.tutti.protocol;

/**
 * What one direction of a musician's audio stream costs the network, from its NETW_TRANSPORT_PROPS: a packet of
 * {@code frame bytes × block factor} every {@code frame samples × block factor} samples at 48 kHz. The server sends
 * each musician their mix in the format they declared, so the same figure holds upstream and downstream.
 */
public final class StreamBandwidth {
    /** IPv4 (20) and UDP (8) headers: the bytes every audio packet adds on an IP network. */
    public static final int IP_UDP_OVERHEAD_BYTES = 28;
    /**
     * Jamulus's own per-packet assumption for its displays and the manual's bandwidth table: IP and UDP (28), PPP,
     * PPPoE and MAC (26), ATM (23).
     */
    public static final int JAMULUS_OVERHEAD_BYTES = 77;
    private static final int SAMPLE_RATE_HZ = 48_000;

    private StreamBandwidth() {
    }

    /** Samples per codec frame: 64 for OPUS64, 128 for OPUS (and CELT). */
    public static int frameSamples(NetworkTransportProps props) {
        return props.audioCodec() == AudioCodec.OPUS64 ? 64 : 128;
    }

    /** Audio packets per second. */
    public static double packetsPerSecond(NetworkTransportProps props) {
        return (double) SAMPLE_RATE_HZ / (frameSamples(props) * props.blockFactor());
    }

    /** Kilobits (1000 bits) per second with {@code overheadBytes} added to every packet's UDP payload. */
    public static double kbps(NetworkTransportProps props, int overheadBytes) {
        return (props.packetBytes() + overheadBytes) * 8 * packetsPerSecond(props) / 1000;
    }

    /** The stream on an IP network: payload plus IPv4 and UDP headers. */
    public static double ipKbps(NetworkTransportProps props) {
        return kbps(props, IP_UDP_OVERHEAD_BYTES);
    }
}
