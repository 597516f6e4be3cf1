package org.tutti.client.engine;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.tutti.audio.DriftController;
import org.tutti.audio.JitterBuffer;
import org.tutti.audio.JitterCounters;
import org.tutti.audio.Resampler;
import org.tutti.backend.AudioCallback;
import org.tutti.codec.OpusDecoder;
import org.tutti.codec.OpusEncoder;

/**
 * The per-cycle audio work, run on the backend's real-time thread: capture → boost/pan/mute → encode → send, and
 * receive ring → jitter buffer → decode (or conceal) → play. Any backend buffer size works: codec frames are
 * gathered from and spread over cycles. No allocation, no locks, no logging here; settings arrive through volatile
 * fields, results leave through counters.
 */
final class ClientAudioCycle implements AudioCallback {
    // Opus concealment turns into noise when nothing real was decoded for a while (or ever): play silence then.
    static final int MAX_CONCEAL_RUN = 8;
    static final JitterBuffer.AutoStrategy AUTO_STRATEGY =
            JitterBuffer.AutoStrategy.valueOf(System.getProperty("tutti.jitterStrategy", "TUTTI"));
    /**
     * Whether playback follows the server's clock by resampling. Off by default: on the dummy JACK driver it did not
     * reduce dropouts (those follow the driver's stalls, not a rate drift) and cost 3 ms of round trip
     * (docs/performance-client.md, "Clock drift compensation").
     */
    static final boolean DRIFT_COMPENSATION =
            Boolean.parseBoolean(System.getProperty("tutti.driftCompensation", "false"));
    private final StreamConfig config;
    private final OpusEncoder encoder;
    private final OpusDecoder decoder;
    private final PacketRing incoming;
    private final PacketSender sender;
    // Sequence numbers switch on mid-connection (§4.4), so both buffers exist from the start.
    private final JitterBuffer sequencedJitter;
    private final JitterBuffer plainJitter;
    private final int channels;
    private final int frameSamples;
    // capture side
    private final short[] pcmIn;
    private int inFill;
    private final byte[] packetOut;
    private int framesInPacket;
    private int packetOutLength;
    private int sendSeq;
    // playback side
    private final short[] pcmOut;
    private int outPos;
    private int outAvail;
    private final byte[] packetIn = new byte[PacketRing.SLOT_BYTES];
    private final byte[] coded;
    private int concealRun = MAX_CONCEAL_RUN; // start silent: nothing received yet
    // clock drift compensation (null when off): decoded frames are played at the server's rate
    private final Resampler resampler;
    private final DriftController drift;
    private long newestSeq;            // unwrapped sequence number of the newest frame, for the drift measure
    private boolean seqStarted;
    private boolean lastSequenced;
    // the time scale of packet arrivals and of this callback; tests drive both from a simulated clock
    LongSupplier clockNanos = System::nanoTime;
    // settings written by the control thread
    volatile boolean withSequenceNumber;
    volatile boolean sending = true;
    volatile boolean muteMyself;
    volatile float inputBoost = 1f;
    volatile int inputPan; // −50..50
    volatile int reverbLevel; // 0..100, 0 = off
    volatile boolean reverbOnLeft = true;
    private final Reverb reverb = new Reverb(48_000);
    // counters, read by other threads
    volatile long packetsSent;
    volatile long packetsReceived;
    volatile long packetsWrongSize;
    volatile long decodeErrors;
    volatile long cycles;
    volatile float outputPeak;
    // input meters: peak after the boost, before balance and mix, falling by half every 100 ms
    volatile float inputPeakLeft;
    volatile float inputPeakRight;
    volatile int jitterSize;
    volatile int playoutDelayFrames;
    volatile long framesConcealed;
    // audible events: a run of concealed frames (or a skipped frame) while streaming counts once
    volatile long dropouts;
    volatile long underruns;
    volatile long lateFrames;
    volatile long holds;
    volatile long skips;
    volatile int playbackRatioPpm;
    // callbacks at least half a cycle late: the sound card (or its driver) stalled; the surplus is skipped
    volatile long lateCallbacks;
    private boolean lastConcealed;
    private long lastSkips;
    private long lastDropped;
    private long cycleNanos;
    private long lastCycleNanos;
    private int lastCycleFrames;
    private double irregularSamples; // callback timing anomalies (stalls, catch-up bursts), kept out of the drift
    private int stallWindowCycles;
    private static final int STALL_WINDOW_CYCLES = 64;

    /**
     * @param jitterBlocks the local jitter buffer size, or 0 for automatic sizing
     */
    ClientAudioCycle(StreamConfig config, PacketRing incoming, PacketSender sender, int jitterBlocks) {
        this(config, incoming, sender, jitterBlocks, DRIFT_COMPENSATION);
    }

    ClientAudioCycle(StreamConfig config, PacketRing incoming, PacketSender sender, int jitterBlocks,
              boolean driftCompensation) {
        this.config = config;
        this.incoming = incoming;
        this.sender = sender;
        this.channels = config.networkChannels();
        this.frameSamples = config.frameSamples();
        this.encoder = new OpusEncoder(frameSamples, channels, config.codedBytes());
        this.decoder = new OpusDecoder(frameSamples, channels);
        this.pcmIn = new short[frameSamples * channels];
        this.pcmOut = new short[frameSamples * channels];
        this.packetOut = new byte[config.packetBytes(true)];
        this.coded = new byte[config.codedBytes() + 1];
        // Automatic sizing uses Tutti's adaptive playout: it settles within seconds where the Jamulus model starts
        // at 6 blocks and comes down over tens of seconds (docs/performance-client.md, docs/jitter-buffer.md).
        this.sequencedJitter = newJitterBuffer(config, true, jitterBlocks);
        this.plainJitter = newJitterBuffer(config, false, jitterBlocks);
        this.resampler = driftCompensation ? new Resampler(channels, frameSamples) : null;
        this.drift = driftCompensation ? new DriftController(frameSamples) : null;
    }

    StreamConfig config() {
        return config;
    }

    private static JitterBuffer newJitterBuffer(StreamConfig config, boolean sequenced, int blocks) {
        JitterBuffer jb = new JitterBuffer(config.codedBytes(), config.frameSamples(), sequenced,
                blocks > 0 ? blocks : JitterBuffer.MAX_SIZE / 2);
        if (blocks <= 0) {
            jb.setAuto(AUTO_STRATEGY);
        }
        return jb;
    }

    @Override
    public void process(float[][] in, float[][] out, int frames) {
        process(in, out, frames, null);
    }

    /** One cycle; {@code tap}, when not null, receives the own input of each frame (its cycle already begun). */
    void process(float[][] in, float[][] out, int frames, RecordingTap tap) {
        // Send first, collect arrivals as late as possible: the captured frame leaves at once, and a packet that
        // arrives while it is being encoded still makes this cycle.
        trackCallbackTiming(frames);
        capture(in, frames, tap);
        drainIncoming();
        if (resampler == null) {
            play(out, frames);
        } else {
            playResampled(out, frames);
            drift.onCycle(frames);
            resampler.setRatio(drift.ratio());
            playbackRatioPpm = drift.ratioPpm();
        }
        cycles++;
    }

    /*
     * A callback much later or earlier than one cycle after the previous one is not the card's clock rate: it is a
     * stall (the card lost time; the jitter buffer removes the surplus that piled up, as it should) or a driver
     * catching up after one. Such time counts as played for the drift measure, so the loop sees the slow trend only
     * and does not remove a stall's surplus a second time. After a late callback every interval counts for a while
     * (a driver that catches up with cycles only slightly shorter than nominal gives the time back that way, and
     * ordinary jitter averages out); otherwise only deviations of half a cycle or more count.
     */
    private void trackCallbackTiming(int frames) {
        cycleNanos = clockNanos.getAsLong();
        if (lastCycleNanos != 0) {
            double deviation = (cycleNanos - lastCycleNanos) * 48e-6 - lastCycleFrames;
            if (deviation >= 0.5 * lastCycleFrames) {
                lateCallbacks++;
                stallWindowCycles = STALL_WINDOW_CYCLES;
            }
            if (stallWindowCycles > 0) {
                stallWindowCycles--;
                irregularSamples += deviation;
            } else if (deviation <= -0.5 * lastCycleFrames) {
                irregularSamples += deviation;
            }
        }
        lastCycleNanos = cycleNanos;
        lastCycleFrames = frames;
    }

    private void drainIncoming() {
        boolean seq = withSequenceNumber;
        int frameBytes = config.codedBytes() + (seq ? 1 : 0);
        int expected = frameBytes * config.blockFactor();
        JitterBuffer jitter = seq ? sequencedJitter : plainJitter;
        long now = System.nanoTime();
        if (drift != null && seq != lastSequenced) { // the other buffer takes over: new numbering
            lastSequenced = seq;
            seqStarted = false;
            drift.restart();
        }
        int n;
        while ((n = incoming.poll(packetIn)) >= 0) {
            if (n != expected) {
                packetsWrongSize++;
                continue;
            }
            packetsReceived++;
            for (int k = 0; k < config.blockFactor(); k++) {
                int off = k * frameBytes;
                int seq8 = seq ? packetIn[off + config.codedBytes()] & 0xFF : 0;
                jitter.put(packetIn, off, config.codedBytes(), seq8, now);
                if (drift != null && seq) {
                    measureDrift(seq8, cycleNanos - incoming.polledNanos());
                }
            }
        }
    }

    // The input law per channel mode is Jamulus's, sample for sample (InputMix).
    private void capture(float[][] in, int frames, RecordingTap tap) {
        float boost = inputBoost;
        ChannelMode mode = config.channelMode();
        float pan = InputMix.panPosition(inputPan);
        float gL = InputMix.leftGain(pan, mode);
        float gR = InputMix.rightGain(pan, mode);
        boolean mute = muteMyself;
        int reverbAt = reverbLevel;
        float attenuation = reverbAt / (float) Reverb.MAX_LEVEL / 4f;
        boolean reverbLeft = reverbOnLeft;
        boolean stereo = mode == ChannelMode.STEREO;
        float decay = (float) Math.pow(0.5, frames / 4800.0);
        float peakL = inputPeakLeft * decay;
        float peakR = inputPeakRight * decay;
        for (int i = 0; i < frames; i++) {
            short l = InputMix.boost(InputMix.fromCard(in[0][i]), boost);
            short r = InputMix.boost(InputMix.fromCard(in[1][i]), boost);
            // the meters show each input after the boost, before balance and mix, as Jamulus's do
            peakL = Math.max(peakL, Math.abs(l) / 32767f);
            peakR = Math.max(peakR, Math.abs(r) / 32767f);
            if (reverbAt != 0) { // after the meters, before the balance, as in Jamulus
                reverb.process(l, r, stereo, reverbLeft, attenuation);
                l = reverb.left;
                r = reverb.right;
            }
            if (stereo) {
                l = InputMix.side(l, gL);
                r = InputMix.side(r, gR);
            } else {
                l = InputMix.sum(l, r, gL, gR);
                r = l;
            }
            if (tap != null) {
                tap.own(i, l, r); // before Mute Myself: the recording keeps the musician's part
            }
            if (mute) {
                l = 0;
                r = 0;
            }
            if (channels == 1) {
                pcmIn[inFill] = l;
            } else {
                pcmIn[inFill * 2] = l;
                pcmIn[inFill * 2 + 1] = r;
            }
            if (++inFill == frameSamples) {
                inFill = 0;
                encodeFrame();
            }
        }
        inputPeakLeft = Math.min(1f, peakL);
        inputPeakRight = Math.min(1f, peakR);
    }

    private void encodeFrame() {
        boolean seq = withSequenceNumber;
        if (framesInPacket == 0) {
            packetOutLength = 0;
        }
        packetOutLength += encoder.encode(pcmIn, 0, packetOut, packetOutLength);
        if (seq) {
            packetOut[packetOutLength++] = (byte) sendSeq;
        }
        sendSeq = (sendSeq + 1) & 0xFF;
        if (++framesInPacket == config.blockFactor()) {
            framesInPacket = 0;
            if (sending) {
                sender.send(packetOut, packetOutLength);
                packetsSent++;
            }
        }
    }

    private void play(float[][] out, int frames) {
        float peak = 0f;
        for (int i = 0; i < frames; i++) {
            if (outPos == outAvail) {
                decodeNext();
            }
            float l;
            float r;
            if (channels == 1) {
                l = r = InputMix.toCard(pcmOut[outPos]);
            } else {
                l = InputMix.toCard(pcmOut[outPos * 2]);
                r = InputMix.toCard(pcmOut[outPos * 2 + 1]);
            }
            out[0][i] = l;
            out[1][i] = r;
            outPos++;
            float a = Math.max(Math.abs(l), Math.abs(r));
            if (a > peak) {
                peak = a;
            }
        }
        outputPeak = peak;
    }

    /*
     * The margin of a new frame: how far its sequence number (in samples) is ahead of what playback had consumed
     * when it arrived. Polling happens once per cycle, so the consumption count is corrected by the time the packet
     * waited in the ring; otherwise the margin would be quantized to whole cycles, and that error drifts as slowly
     * as the clocks do (a sawtooth of one frame over seconds that no slow loop can filter). Only sequenced streams
     * are measured: without sequence numbers a lost frame would look like a slower sender.
     */
    private void measureDrift(int seq8, long waitedNanos) {
        if (!seqStarted) {
            seqStarted = true;
            newestSeq = seq8;
        } else {
            int ahead = (byte) (seq8 - (int) newestSeq); // signed 8-bit distance, as the jitter buffer unwraps
            if (ahead <= 0) {
                return; // a reordered, late or duplicate frame says nothing new about the sender's clock
            }
            newestSeq += ahead;
        }
        double waitedSamples = Math.max(0, Math.min(8 * lastCycleFrames, waitedNanos * 48e-6)); // sanity bound
        drift.onFrameArrived(newestSeq * frameSamples - resampler.consumedSamples() - irregularSamples + waitedSamples);
    }

    private void playResampled(float[][] out, int frames) {
        int done = 0;
        while (done < frames) {
            if (resampler.needsInput()) {
                decodeNext();
                resampler.push(pcmOut, 0, frameSamples);
            }
            done += resampler.render(out[0], out[1], done, frames - done);
        }
        float peak = 0f;
        for (int i = 0; i < frames; i++) {
            peak = Math.max(peak, Math.max(Math.abs(out[0][i]), Math.abs(out[1][i])));
        }
        outputPeak = peak;
    }

    private void decodeNext() {
        JitterBuffer jitter = withSequenceNumber ? sequencedJitter : plainJitter;
        int n = jitter.get(coded, 0);
        publishJitterState(jitter);
        int result;
        if (n == JitterBuffer.CONCEAL && concealRun >= MAX_CONCEAL_RUN) {
            Arrays.fill(pcmOut, (short) 0);
            result = frameSamples;
        } else if (n == JitterBuffer.CONCEAL) {
            concealRun++;
            result = decoder.conceal(pcmOut, 0);
        } else {
            concealRun = 0;
            result = decoder.decode(coded, 0, n, pcmOut, 0);
        }
        if (result != frameSamples) {
            decodeErrors++;
            Arrays.fill(pcmOut, (short) 0);
        }
        outPos = 0;
        outAvail = frameSamples;
    }

    // Counters of both buffers (plain before sequence numbers are negotiated, sequenced after), summed.
    private void publishJitterState(JitterBuffer jitter) {
        jitterSize = jitter.size();
        playoutDelayFrames = jitter.playoutDelayFrames();
        JitterCounters a = sequencedJitter.counters();
        JitterCounters b = plainJitter.counters();
        long concealed = a.concealed() + b.concealed();
        boolean concealing = concealed != framesConcealed; // this get was answered with a concealment while streaming
        long skipped = a.skips() + b.skips();
        long dropped = a.overruns() + b.overruns(); // window moves, shrink drops: frames thrown away
        if ((concealing && !lastConcealed) || (!concealing && (skipped != lastSkips || dropped != lastDropped))) {
            dropouts++;
        }
        lastConcealed = concealing;
        lastSkips = skipped;
        lastDropped = dropped;
        framesConcealed = concealed;
        underruns = a.underruns() + b.underruns();
        lateFrames = a.late() + b.late();
        holds = a.holds() + b.holds();
        skips = skipped;
    }

    /** Frees the codec; call only once the backend no longer calls {@link #process}. */
    void close() {
        encoder.close();
        decoder.close();
    }
}
