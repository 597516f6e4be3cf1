package org.tutti.server.engine;

import java.util.Arrays;
import org.tutti.audio.JitterBuffer;
import org.tutti.server.mix.PersonalMixer;
import org.tutti.server.mix.SourceFrame;

/**
 * The per-tick audio work of one thread (protocol doc §6): decode a client's input for one server frame and meter
 * it; for a listener, build its personal mix with the {@link PersonalMixer}, encode it and send it in the
 * listener's own format. It only orchestrates decode → mix → encode → send: the mix laws live in the mixer.
 * Runs on the engine thread (or on a worker for a range of channels with {@code -T}); allocation free.
 *
 * <p>Codec frames are adapted to the server frame: OPUS64 clients on a 128 server decode/encode two frames per
 * tick; OPUS clients on a 64 server decode one 128-frame every other tick and encode when 128 samples are mixed.
 */
final class AudioPath {
    /** Sends {@code length} bytes of {@code packet} to the channel's address. */
    interface AudioSender {
        void sendAudio(ClientChannel to, byte[] packet, int length);
    }

    private final int frameSamples;
    private final EngineCounters counters;
    private final AudioSender sender;
    private final SharedSums sums;
    private final PersonalMixer mixer;
    /** The metronome, one more source of every mix while enabled; null for a path without one (benchmarks). */
    private final MetronomeChannel metronome;

    /** One per thread that mixes: the mixer's scratch buffers are its own, the shared sums are read only. */
    AudioPath(int frameSamples, boolean delayPan, EngineCounters counters, AudioSender sender, SharedSums sums) {
        this(frameSamples, delayPan, counters, sender, sums, null);
    }

    AudioPath(int frameSamples, boolean delayPan, EngineCounters counters, AudioSender sender, SharedSums sums,
            MetronomeChannel metronome) {
        this.frameSamples = frameSamples;
        this.counters = counters;
        this.sender = sender;
        this.sums = sums;
        this.mixer = new PersonalMixer(frameSamples, delayPan);
        this.metronome = metronome;
    }

    /** Decodes one server frame of input for {@code c} into its float views and updates its meter. */
    void decode(ClientChannel c) {
        int n = frameSamples;
        ChannelInput in = c.input;
        if (c.control.props == null || in.decoder == null) {
            in.frame.silence(n);
            return;
        }
        int ch = c.control.audioChannels;
        int codecFrame = c.control.codecFrameSamples;
        if (codecFrame == n) {
            decodeOne(c, in.decoded, 0);
        } else if (codecFrame < n) {
            for (int off = 0; off < n; off += codecFrame) {
                decodeOne(c, in.decoded, off * ch);
            }
        } else {
            if (!in.holdSecondHalf) {
                decodeOne(c, in.hold, 0);
                System.arraycopy(in.hold, 0, in.decoded, 0, n * ch);
            } else {
                System.arraycopy(in.hold, n * ch, in.decoded, 0, n * ch);
            }
            in.holdSecondHalf = !in.holdSecondHalf;
        }
        in.meter.update(in.decoded, 0, n, ch == 2);
        in.frame.set(in.decoded, ch, n);
    }

    private void decodeOne(ClientChannel c, short[] pcm, int offset) {
        ChannelInput in = c.input;
        int got;
        int length = in.jitter.get(in.codedIn, 0);
        if (length != JitterBuffer.CONCEAL) {
            got = in.decoder.decode(in.codedIn, 0, length, pcm, offset);
            if (got < 0) {
                counters.decodeErrors++;
                got = in.decoder.conceal(pcm, offset);
            }
        } else {
            counters.jitterUnderruns++;
            got = in.decoder.conceal(pcm, offset);
        }
        if (got < 0) {
            Arrays.fill(pcm, offset, offset + c.control.codecFrameSamples * c.control.audioChannels, (short) 0);
        }
    }

    /** Mixes, encodes and (when a packet is complete) sends listener {@code l}'s personal mix. */
    void mixEncodeSend(ClientChannel l, ClientChannel[] sources, int count, boolean sharedSumsReady) {
        ChannelOutput out = l.output;
        if (out.sharedGroup != null) {
            sendShared(l, out.sharedGroup);
            return;
        }
        ChannelControl settings = l.control;
        boolean stereo = settings.audioChannels == 2;
        float fl = l.fadeIn();
        ChannelControl mix = l.mixControl(); // the conductor's gains and pans for a follower (ConductorMix)
        if (mix.defaultMix && sharedSumsReady) {
            // mix = fade_l · Σ fade_j x_j, except the listener's own signal which is not faded twice.
            mixer.startFromSum(stereo, sums.sum, fl, l.input.frame, fl * (1f - fl));
        } else {
            mixer.start(stereo);
            for (int s = 0; s < count; s++) {
                ClientChannel src = sources[s];
                // Jamulus: the listener's gain × the source's fade-in × (for others) the listener's own fade-in.
                float g = mix.gains[src.id] * src.fadeIn() * (src == l ? 1f : fl);
                mixer.add(src.input.frame, g, mix.pans[src.id]);
            }
            if (metronome != null && metronome.enabled()) { // never fades in itself: only the listener's fade
                mixer.add(metronome.frame, mix.gains[metronome.id] * fl, mix.pans[metronome.id]);
            }
        }
        mixer.write(out.mix);
        encodeAndSend(l);
    }

    private void encodeAndSend(ClientChannel l) {
        ChannelOutput out = l.output;
        int n = frameSamples;
        int ch = l.control.audioChannels;
        int codecFrame = l.control.codecFrameSamples;
        if (codecFrame <= n) {
            for (int off = 0; off < n; off += codecFrame) {
                appendFrame(l, out.mix, off * ch);
            }
        } else {
            System.arraycopy(out.mix, 0, out.accumulated, out.accumulatedSamples * ch, n * ch);
            out.accumulatedSamples += n;
            if (out.accumulatedSamples >= codecFrame) {
                appendFrame(l, out.accumulated, 0);
                out.accumulatedSamples = 0;
            }
        }
    }

    /** Packs the group's already coded frames for this tick into the listener's own packets. */
    private void sendShared(ClientChannel l, SharedEncodes.Group g) {
        ChannelOutput out = l.output;
        for (int at = 0; at < g.frames.length; at += g.codedBytes) {
            System.arraycopy(g.frames, at, out.packet, out.packetBytes, g.codedBytes);
            out.packetBytes += g.codedBytes;
            finishFrame(l);
        }
    }

    private void appendFrame(ClientChannel l, short[] pcm, int offset) {
        ChannelOutput out = l.output;
        out.packetBytes += out.encoder.encode(pcm, offset, out.packet, out.packetBytes);
        finishFrame(l);
    }

    private void finishFrame(ClientChannel l) {
        ChannelOutput out = l.output;
        if (l.control.props.withSequenceNumber()) {
            out.packet[out.packetBytes++] = (byte) out.txSequence;
            out.txSequence = (out.txSequence + 1) & 0xFF;
        }
        if (++out.packetFrames == l.control.props.blockFactor()) {
            sender.sendAudio(l, out.packet, out.packetBytes);
            out.packetFrames = 0;
            out.packetBytes = 0;
        }
    }
}
