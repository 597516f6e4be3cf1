package org.tutti.client.engine;

import org.tutti.codec.OpusQuality;
import org.tutti.protocol.AudioCodec;
import org.tutti.protocol.NetworkTransportProps;
import org.tutti.protocol.StreamBandwidth;

/**
 * The coded stream for one sound-card buffer size, chosen as Jamulus 3.9.1 does (protocol doc §4.3): 64 frames with
 * small network buffers → OPUS64, one frame per packet; 64 without or 128 → OPUS, one frame; 256 → OPUS, two frames
 * per packet. Other sizes go through the conversion buffer.
 *
 * @param frameSamples   64 (OPUS64, wire code 3) or 128 (OPUS, wire code 2)
 * @param blockFactor    codec frames per UDP packet
 * @param channelMode    mono, mono-in/stereo-out or stereo
 * @param quality        low, normal or high
 * @param codedBytes     bytes per coded frame (without the sequence byte)
 */
public record StreamConfig(int frameSamples, int blockFactor, ChannelMode channelMode, OpusQuality quality,
                           int codedBytes) {
    public static final int OPUS = 2;
    public static final int OPUS64 = 3;

    public static StreamConfig choose(int bufferFrames, boolean smallNetworkBuffers, OpusQuality quality,
                                      ChannelMode mode) {
        int frameSamples;
        int factor = 1;
        if (bufferFrames < 128 && smallNetworkBuffers) {
            frameSamples = 64;
        } else {
            frameSamples = 128;
            if (bufferFrames == 256) {
                factor = 2;
            }
        }
        return new StreamConfig(frameSamples, factor, mode, quality,
                quality.codedBytes(frameSamples, mode.networkChannels()));
    }

    public int codec() {
        return frameSamples == 64 ? OPUS64 : OPUS;
    }

    public int networkChannels() {
        return channelMode.networkChannels();
    }

    /** The NETW_TRANSPORT_PROPS this stream declares. */
    public NetworkTransportProps transportProps(boolean withSequenceNumber) {
        return NetworkTransportProps.of(frameSamples == 64 ? AudioCodec.OPUS64 : AudioCodec.OPUS, networkChannels(),
                codedBytes, blockFactor, withSequenceNumber);
    }

    /** UDP payload bytes per packet. */
    public int packetBytes(boolean withSequenceNumber) {
        return transportProps(withSequenceNumber).packetBytes();
    }

    /** Jamulus's upload-rate figure in kbit/s, with its assumed per-packet overhead (docs/bandwidth.md). */
    public int uploadKbps(boolean withSequenceNumber) {
        return (int) StreamBandwidth.kbps(transportProps(withSequenceNumber), StreamBandwidth.JAMULUS_OVERHEAD_BYTES);
    }
}
