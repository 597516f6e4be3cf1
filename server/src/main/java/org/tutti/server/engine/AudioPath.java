package org.tutti.server.engine;

/**
 * The per-tick audio work (protocol doc §6): decode every client's input for one server frame, meter it, build each
 * listener's personal mix, encode and send it in the listener's own format. Runs on the engine thread (or on a
 * worker for a range of channels with {@code -T}); allocation free.
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
    private final boolean delayPan;
    private final EngineCounters counters;
    private final AudioSender sender;
    private final SharedSums sums;
    private final float[] mixLeft;
    private final float[] mixRight;

    /** One per thread that mixes: the scratch buffers are its own, the shared sums are read only. */
    AudioPath(int frameSamples, boolean delayPan, EngineCounters counters, AudioSender sender, SharedSums sums) {
        this.frameSamples = frameSamples;
        this.delayPan = delayPan;
        this.counters = counters;
        this.sender = sender;
        this.sums = sums;
        this.mixLeft = new float[frameSamples];
        this.mixRight = new float[frameSamples];
    }

    /** Decodes one server frame of input for {@code c} into its float views and updates its meter. */
    void decode(ClientChannel c) {
        int n = frameSamples;
        if (c.props == null || c.decoder == null) {
            java.util.Arrays.fill(c.inMono, 0, n, 0f);
            java.util.Arrays.fill(c.inLeft, 0, n, 0f);
            java.util.Arrays.fill(c.inRight, 0, n, 0f);
            return;
        }
        int ch = c.audioChannels;
        int codecFrame = c.codecFrameSamples;
        if (codecFrame == n) {
            decodeOne(c, c.decoded, 0);
        } else if (codecFrame < n) {
            for (int off = 0; off < n; off += codecFrame) {
                decodeOne(c, c.decoded, off * ch);
            }
        } else {
            if (!c.holdSecondHalf) {
                decodeOne(c, c.hold, 0);
                System.arraycopy(c.hold, 0, c.decoded, 0, n * ch);
            } else {
                System.arraycopy(c.hold, n * ch, c.decoded, 0, n * ch);
            }
            c.holdSecondHalf = !c.holdSecondHalf;
        }
        c.meter.update(c.decoded, n * ch);
        if (ch == 1) {
            for (int i = 0; i < n; i++) {
                float v = c.decoded[i];
                c.inMono[i] = v;
                c.inLeft[i] = v;
                c.inRight[i] = v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float l = c.decoded[2 * i];
                float r = c.decoded[2 * i + 1];
                c.inLeft[i] = l;
                c.inRight[i] = r;
                c.inMono[i] = (l + r) * 0.5f;
            }
        }
    }

    private void decodeOne(ClientChannel c, short[] pcm, int offset) {
        int got;
        int length = c.jitter.get(c.codedIn, 0);
        if (length != org.tutti.audio.JitterBuffer.CONCEAL) {
            got = c.decoder.decode(c.codedIn, 0, length, pcm, offset);
            if (got < 0) {
                counters.decodeErrors++;
                got = c.decoder.conceal(pcm, offset);
            }
        } else {
            counters.jitterUnderruns++;
            got = c.decoder.conceal(pcm, offset);
        }
        if (got < 0) {
            java.util.Arrays.fill(pcm, offset, offset + c.codecFrameSamples * c.audioChannels, (short) 0);
        }
    }

    /** Mixes, encodes and (when a packet is complete) sends listener {@code l}'s personal mix. */
    void mixEncodeSend(ClientChannel l, ClientChannel[] sources, int count, boolean sharedSumsReady) {
        if (l.sharedGroup != null) {
            sendShared(l, l.sharedGroup);
            return;
        }
        int n = frameSamples;
        boolean stereo = l.audioChannels == 2;
        float fl = l.fadeIn();
        if (l.defaultMix && sharedSumsReady) {
            // mix = fade_l · Σ fade_j x_j, except the listener's own signal which is not faded twice.
            float own = fl * (1f - fl);
            for (int i = 0; i < n; i++) {
                if (stereo) {
                    mixLeft[i] = fl * sums.left[i] + own * l.inLeft[i];
                    mixRight[i] = fl * sums.right[i] + own * l.inRight[i];
                } else {
                    mixLeft[i] = fl * sums.mono[i] + own * l.inMono[i];
                }
            }
        } else {
            java.util.Arrays.fill(mixLeft, 0, n, 0f);
            java.util.Arrays.fill(mixRight, 0, n, 0f);
            for (int s = 0; s < count; s++) {
                ClientChannel src = sources[s];
                float g = l.gains[src.id] * src.fadeIn() * (src == l ? 1f : fl);
                if (g == 0f) {
                    continue;
                }
                if (stereo && delayPan) {
                    addDelayPanned(src, g, l.pans[src.id]);
                } else if (stereo) {
                    float pan = l.pans[src.id];
                    float gl = g * Math.min(0.5f, 1f - pan) * 2f;
                    float gr = g * Math.min(0.5f, pan) * 2f;
                    for (int i = 0; i < n; i++) {
                        mixLeft[i] += gl * src.inLeft[i];
                        mixRight[i] += gr * src.inRight[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        mixLeft[i] += g * src.inMono[i];
                    }
                }
            }
        }
        if (stereo) {
            for (int i = 0; i < n; i++) {
                l.mix[2 * i] = clip(mixLeft[i]);
                l.mix[2 * i + 1] = clip(mixRight[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                l.mix[i] = clip(mixLeft[i]);
            }
        }
        encodeAndSend(l);
    }

    /**
     * Delay panning (-P, doc §6.3): both sides at full gain, one side delayed by round(126 × (pan − 0.5))
     * samples; a positive delay holds back the left side so the source appears on the right.
     */
    private void addDelayPanned(ClientChannel src, float g, float pan) {
        float d = 126f * (pan - 0.5f);
        int delay = (int) (Math.signum(d) * Math.round(Math.abs(d)));
        // Pans are clamped to 0..1 on receipt; clamp here too so no value can reach past the history.
        delay = Math.max(-(ClientChannel.HISTORY_SAMPLES - 1), Math.min(ClientChannel.HISTORY_SAMPLES - 1, delay));
        int n = frameSamples;
        int h = ClientChannel.HISTORY_SAMPLES;
        int dl = Math.max(delay, 0);
        int dr = Math.max(-delay, 0);
        for (int i = 0; i < n; i++) {
            int kl = i - dl;
            int kr = i - dr;
            mixLeft[i] += g * (kl >= 0 ? src.inLeft[kl] : src.historyLeft[h + kl]);
            mixRight[i] += g * (kr >= 0 ? src.inRight[kr] : src.historyRight[h + kr]);
        }
    }

    private void encodeAndSend(ClientChannel l) {
        int n = frameSamples;
        int ch = l.audioChannels;
        int codecFrame = l.codecFrameSamples;
        if (codecFrame <= n) {
            for (int off = 0; off < n; off += codecFrame) {
                appendFrame(l, l.mix, off * ch);
            }
        } else {
            System.arraycopy(l.mix, 0, l.accumulated, l.accumulatedSamples * ch, n * ch);
            l.accumulatedSamples += n;
            if (l.accumulatedSamples >= codecFrame) {
                appendFrame(l, l.accumulated, 0);
                l.accumulatedSamples = 0;
            }
        }
    }

    /** Packs the group's already coded frames for this tick into the listener's own packets. */
    private void sendShared(ClientChannel l, SharedEncodes.Group g) {
        for (int at = 0; at < g.frames.length; at += g.codedBytes) {
            System.arraycopy(g.frames, at, l.packet, l.packetBytes, g.codedBytes);
            l.packetBytes += g.codedBytes;
            finishFrame(l);
        }
    }

    private void appendFrame(ClientChannel l, short[] pcm, int offset) {
        l.packetBytes += l.encoder.encode(pcm, offset, l.packet, l.packetBytes);
        finishFrame(l);
    }

    private void finishFrame(ClientChannel l) {
        if (l.props.withSequenceNumber()) {
            l.packet[l.packetBytes++] = (byte) l.txSequence;
            l.txSequence = (l.txSequence + 1) & 0xFF;
        }
        if (++l.packetFrames == l.props.blockFactor()) {
            sender.sendAudio(l, l.packet, l.packetBytes);
            l.packetFrames = 0;
            l.packetBytes = 0;
        }
    }

    static short clip(float v) {
        if (v > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        if (v < Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        return (short) v;
    }
}
