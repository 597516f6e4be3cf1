package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.tutti.codec.OpusEncoder;
import org.tutti.server.mix.PersonalMixer;

/**
 * One encode for many listeners. Once its fade-in is over, a listener whose mix is all default hears exactly the
 * shared sum, so every such listener with the same codec, channel count and frame size would encode identical
 * audio. They share one encoder per format here; each still gets its own packets and sequence numbers. A listener
 * that joins or leaves a group continues with a different encoder state, which costs one slightly imperfect frame.
 *
 * <p>Owned by the engine thread: groups are created when a new format first appears (control rate), the encodes
 * run before the mix phase, and nothing is allocated per tick.
 */
final class SharedEncodes {
    /** The coded frames of one format for the current tick. */
    static final class Group {
        final int codecFrameSamples;
        final int channels;
        final int codedBytes;
        final OpusEncoder encoder;
        final byte[] frames;
        final short[] pcm;
        boolean needed;

        Group(int codecFrameSamples, int channels, int codedBytes, int serverFrameSamples) {
            this.codecFrameSamples = codecFrameSamples;
            this.channels = channels;
            this.codedBytes = codedBytes;
            this.encoder = new OpusEncoder(codecFrameSamples, channels, codedBytes);
            this.frames = new byte[codedBytes * (serverFrameSamples / codecFrameSamples)];
            this.pcm = new short[serverFrameSamples * channels];
        }
    }

    private final int frameSamples;
    private final List<Group> groups = new ArrayList<>();

    SharedEncodes(int frameSamples) {
        this.frameSamples = frameSamples;
    }

    /** Assigns {@code l} to its format's group if it can share this tick, else clears its group. */
    void assign(ClientChannel l, boolean sharedSumsReady, EngineCounters counters) {
        l.output.sharedGroup = null;
        ChannelControl settings = l.control;
        if (!sharedSumsReady || !l.mixControl().defaultMix || !l.receivesAudio() || l.fadeIn() < 1f
                || settings.codecFrameSamples > frameSamples) {
            return;
        }
        Group g = find(settings.codecFrameSamples, settings.audioChannels, settings.props.codedBytes());
        g.needed = true;
        l.output.sharedGroup = g;
        counters.sharedEncodeListenerTicks++;
    }

    /** Encodes the shared sum once for every group some listener needs this tick. */
    void encodeNeeded(SharedSums sums) {
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            if (!g.needed) {
                continue;
            }
            g.needed = false;
            if (g.channels == 2) {
                PersonalMixer.clip(sums.sum.left(), sums.sum.right(), frameSamples, true, g.pcm);
            } else {
                PersonalMixer.clip(sums.sum.mono(), null, frameSamples, false, g.pcm);
            }
            int at = 0;
            for (int off = 0; off < frameSamples; off += g.codecFrameSamples) {
                at += g.encoder.encode(g.pcm, off * g.channels, g.frames, at);
            }
        }
    }

    private Group find(int codecFrameSamples, int channels, int codedBytes) {
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.codecFrameSamples == codecFrameSamples && g.channels == channels && g.codedBytes == codedBytes) {
                return g;
            }
        }
        Group g = new Group(codecFrameSamples, channels, codedBytes, frameSamples);
        groups.add(g);
        return g;
    }

    void close() {
        for (Group g : groups) {
            g.encoder.close();
        }
        groups.clear();
    }
}
