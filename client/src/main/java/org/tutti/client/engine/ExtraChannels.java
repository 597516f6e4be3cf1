package org.tutti.client.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.tutti.backend.AudioRequest;
import org.tutti.protocol.ChannelInfo;

/**
 * The extra channels of a split for one connection (several inputs as separate channels): each an
 * {@link ExtraChannel} with its own socket and protocol life cycle. The control thread opens, ticks, rebuilds and
 * closes them; the audio thread calls {@link #process} once per cycle, right after the main channel's.
 */
final class ExtraChannels {
    /** No split: nothing to open, feed or close. */
    static final ExtraChannels NONE = new ExtraChannels(new ExtraChannel[0]);
    private final ExtraChannel[] channels;

    private ExtraChannels(ExtraChannel[] channels) {
        this.channels = channels;
    }

    /** The sound card inputs a connection with this split needs: at least two, the highest input used + 1. */
    static int inputsNeeded(List<SplitChannel> split) {
        int n = AudioRequest.CHANNELS;
        for (SplitChannel c : split) {
            n = Math.max(n, c.inputsNeeded());
        }
        return Math.min(n, AudioRequest.MAX_CHANNELS);
    }

    /** An extra channel's stream: the main channel's codec settings, mono for one input, stereo for a pair. */
    static StreamConfig config(SplitChannel channel, int bufferFrames, ClientOptions options) {
        return StreamConfig.choose(bufferFrames, options.smallNetworkBuffers(), options.quality(), channel.mode());
    }

    /**
     * Control thread: opens one connection per extra channel to {@code server} (they start talking with the first
     * audio cycle). When a socket cannot open, the ones opened before close and the main channel plays on alone.
     */
    static ExtraChannels open(List<SplitChannel> split, InetSocketAddress server, int bufferFrames,
                              ClientOptions options, int serverJitterWire, Executor control, long clockStartNanos) {
        if (split.isEmpty()) {
            return NONE;
        }
        ExtraChannel[] opened = new ExtraChannel[Math.min(split.size(), SplitChannel.MAX_EXTRA)];
        ChannelInfo main = options.profile();
        try {
            for (int i = 0; i < opened.length; i++) {
                SplitChannel c = split.get(i);
                opened[i] = new ExtraChannel(c, main, server, config(c, bufferFrames, options), serverJitterWire,
                        control, clockStartNanos);
            }
        } catch (IOException | RuntimeException e) {
            for (ExtraChannel c : opened) {
                if (c != null) {
                    c.close();
                }
            }
            System.getLogger("tutti.client").log(System.Logger.Level.WARNING, "split channels not opened", e);
            return NONE;
        }
        return new ExtraChannels(opened);
    }

    /** Audio thread: feeds each extra channel's encoder (and its home-recording track) from this cycle's inputs. */
    void process(float[][] in, int frames, float boost, boolean mute, RecordingTap tap) {
        for (int i = 0; i < channels.length; i++) {
            ExtraChannelCycle cycle = channels[i].cycle;
            if (cycle != null) {
                cycle.process(in, frames, boost, mute, tap, i);
            }
        }
    }

    /** Home recording's extra tracks: these channels' names in order, or without any running, the split set's. */
    List<String> trackNames(List<SplitChannel> set) {
        return (channels.length > 0 ? Arrays.stream(channels).map(ExtraChannel::spec) : set.stream())
                .map(SplitChannel::name).toList();
    }

    /** Control thread: new encoders for a new format; returns what frees the old ones once no cycle uses them. */
    Runnable rebuild(int bufferFrames, ClientOptions options) {
        ExtraChannelCycle[] old = new ExtraChannelCycle[channels.length];
        for (int i = 0; i < channels.length; i++) {
            old[i] = channels[i].rebuild(config(channels[i].spec(), bufferFrames, options));
        }
        return () -> {
            for (ExtraChannelCycle c : old) {
                if (c != null) {
                    c.close();
                }
            }
        };
    }

    void tick(long now) {
        for (ExtraChannel c : channels) {
            c.tick(now);
        }
    }

    /** The server's channel ids of the extra channels (−1 until the server told one); any thread. */
    int[] channelIds() {
        int[] ids = new int[channels.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = channels[i].channelId();
        }
        return ids;
    }

    long packetsSent() {
        long n = 0;
        for (ExtraChannel c : channels) {
            n += c.packetsSent();
        }
        return n;
    }

    /** Control thread: no more audio from these channels (they are being replaced; the goodbye follows). */
    void stopSending() {
        for (ExtraChannel c : channels) {
            ExtraChannelCycle cycle = c.cycle;
            if (cycle != null) {
                cycle.sending = false;
            }
        }
    }

    /**
     * Control thread, after the audio stream stopped (or {@link #stopSending} and a grace period): each channel
     * says goodbye, also when the main connection's server went silent or ended it (the server may still hold the
     * extra ones).
     */
    void close() {
        for (ExtraChannel c : channels) {
            c.close();
        }
    }
}
