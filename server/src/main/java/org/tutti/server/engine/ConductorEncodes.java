package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.tutti.server.mix.PersonalMixer;

/**
 * One mix and one encode per stream format for all the followers of a conductor (ConductorMix). Once faded in, every
 * follower hears the same thing, the conductor's gains and pans over the sources, so followers with the same codec,
 * channel count, frame size and coded bytes share one encoder here and each still gets its own packets and sequence
 * numbers; followers in other formats get their own group. A conductor with an all-default mix needs none of this:
 * its followers take the shared sum's encodes ({@link SharedEncodes}).
 *
 * <p>Engine thread, between the decode and the mix phase; groups are made when a format first appears (control
 * rate), nothing is allocated per tick.
 */
final class ConductorEncodes {
    private final int frameSamples;
    private final PersonalMixer mixer;
    private final MetronomeChannel metronome;
    private final List<SharedEncodes.Group> groups = new ArrayList<>();

    ConductorEncodes(int frameSamples, boolean delayPan, MetronomeChannel metronome) {
        this.frameSamples = frameSamples;
        this.mixer = new PersonalMixer(frameSamples, delayPan);
        this.metronome = metronome;
    }

    /**
     * Assigns every follower that can share this tick (faded in, not already on a shared encode, a codec frame no
     * longer than the server's) to its format's group, then mixes and encodes each group needed once.
     */
    void prepare(ClientChannel[] active, int count, EngineCounters counters) {
        ClientChannel conductor = null;
        for (int i = 0; i < count; i++) {
            ClientChannel l = active[i];
            ClientChannel c = l.control.following;
            if (c == null || c.control.defaultMix || l.output.sharedGroup != null || !l.receivesAudio()
                    || l.fadeIn() < 1f || l.control.codecFrameSamples > frameSamples) {
                continue;
            }
            conductor = c;
            SharedEncodes.Group g = find(l.control.codecFrameSamples, l.control.audioChannels,
                    l.control.props.codedBytes());
            g.needed = true;
            l.output.sharedGroup = g;
            counters.conductorEncodeListenerTicks++;
        }
        if (conductor != null) {
            encodeNeeded(conductor.control, active, count);
        }
    }

    private void encodeNeeded(ChannelControl mix, ClientChannel[] sources, int count) {
        for (int gi = 0; gi < groups.size(); gi++) {
            SharedEncodes.Group g = groups.get(gi);
            if (!g.needed) {
                continue;
            }
            g.needed = false;
            // What a faded-in follower's own mix would be with the conductor's settings (AudioPath, fade 1).
            mixer.start(g.channels == 2);
            for (int s = 0; s < count; s++) {
                ClientChannel src = sources[s];
                mixer.add(src.input.frame, mix.gains[src.id] * src.fadeIn(), mix.pans[src.id]);
            }
            if (metronome.enabled()) {
                mixer.add(metronome.frame, mix.gains[metronome.id], mix.pans[metronome.id]);
            }
            mixer.write(g.pcm);
            int at = 0;
            for (int off = 0; off < frameSamples; off += g.codecFrameSamples) {
                at += g.encoder.encode(g.pcm, off * g.channels, g.frames, at);
            }
        }
    }

    private SharedEncodes.Group find(int codecFrameSamples, int channels, int codedBytes) {
        for (int i = 0; i < groups.size(); i++) {
            SharedEncodes.Group g = groups.get(i);
            if (g.codecFrameSamples == codecFrameSamples && g.channels == channels && g.codedBytes == codedBytes) {
                return g;
            }
        }
        SharedEncodes.Group g = new SharedEncodes.Group(codecFrameSamples, channels, codedBytes, frameSamples);
        groups.add(g);
        return g;
    }

    void close() {
        for (SharedEncodes.Group g : groups) {
            g.encoder.close();
        }
        groups.clear();
    }
}
