package org.tutti.server.engine;

import java.net.InetSocketAddress;
import org.tutti.audio.JitterBuffer;
import org.tutti.audio.JitterCounters;
import org.tutti.net.ReliableChannel;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.NetworkTransportProps;

/**
 * One slot of the server. The slot itself holds the connection (address, reliable link), written only by the
 * engine thread when it connects or drops a client; the rest is split by who writes it:
 *
 * <pre>
 *   control  ChannelControl  profile, stream format, gains, pans    engine thread: ProtocolHandler, connect
 *   input    ChannelInput    jitter buffer, decoder, decoded frame  engine thread on arrival; decode phase
 *   output   ChannelOutput   mix, encoder, packets, sequence        mix phase (the thread mixing this listener)
 * </pre>
 *
 * Audio buffers are allocated with the slot or when the stream format is set, never per frame.
 */
final class ClientChannel {
    static final int MAX_CODED_BYTES = ChannelInput.MAX_CODED_BYTES;

    final int id;
    final ChannelControl control;
    final ChannelInput input = new ChannelInput();
    final ChannelOutput output = new ChannelOutput();
    /** Reliable messaging with this client (set once by the engine, which wires its sink and listener). */
    ReliableChannel link;
    boolean connected;
    InetSocketAddress address;
    /** The same peer for the socket: its key finds this channel, sends need no conversion. */
    UdpEndpoint endpoint;

    ClientChannel(int id, int maxChannels) {
        this.id = id;
        this.control = new ChannelControl(maxChannels + MetronomeChannel.EXTRA_COLUMNS); // + the metronome's column
    }

    /** Makes the slot a fresh connection from {@code from}. */
    void open(UdpEndpoint from) {
        connected = true;
        endpoint = from;
        address = from.address();
        link.reset();
        control.reset();
        input.reset();
        output.reset();
    }

    void close() {
        connected = false;
        address = null;
        endpoint = null;
        link.reset();
        input.close();
        output.close();
        control.props = null;
    }

    /** Applies a new stream format; codecs are only rebuilt when frame size, channels or bytes change. */
    void setProps(NetworkTransportProps p) {
        int frameSamples = p.audioCodec().frameSamples();
        NetworkTransportProps old = control.props;
        boolean same = old != null && control.codecFrameSamples == frameSamples
                && control.audioChannels == p.channels()
                && old.codedBytes() == p.codedBytes() && old.withSequenceNumber() == p.withSequenceNumber();
        control.props = p;
        output.restartPackets();
        input.holdSecondHalf = false;
        if (same) {
            return;
        }
        control.codecFrameSamples = frameSamples;
        control.audioChannels = p.channels();
        input.configure(frameSamples, p.channels(), p.codedBytes(), p.withSequenceNumber());
        output.configure(frameSamples, p.channels(), p.codedBytes());
        applyJitterRequest();
    }

    /** The server-side jitter buffer size in codec frames (what "auto" currently chose, or the request). */
    int jitterFrames() {
        if (input.jitter != null) {
            return input.jitter.size();
        }
        int request = control.jitterRequest;
        return request >= 1 && request <= 20 ? request : JitterBuffer.MAX_SIZE / 2;
    }

    /** The jitter buffer's counters so far (all zero before the stream format is known). */
    JitterCounters jitterCounters() {
        return input.jitter != null ? input.jitter.counters().copy() : new JitterCounters();
    }

    void setJitterRequest(int blocks) {
        control.jitterRequest = blocks;
        applyJitterRequest();
    }

    /**
     * The strategy of "auto" buffers: Jamulus's own sizing model by default (docs/fidelity.md: Tutti's adaptive playout
     * settled at 1-2 frames here and, at 64 samples on a loaded machine, let holds pile up until a musician was
     * concealed more than heard; the Jamulus model gives a real client the same buffer as Jamulus's server does).
     * {@code -Dtutti.serverJitterStrategy=TUTTI} runs Tutti's adaptive playout instead.
     */
    static final JitterBuffer.AutoStrategy AUTO_STRATEGY =
            JitterBuffer.AutoStrategy.valueOf(System.getProperty("tutti.serverJitterStrategy", "JAMULUS"));

    /** 1..20: a fixed window as the client asked; 21 (auto): {@link #AUTO_STRATEGY} (docs/jitter-buffer.md). */
    private void applyJitterRequest() {
        JitterBuffer jitter = input.jitter;
        if (jitter == null) {
            return;
        }
        int request = control.jitterRequest;
        if (request >= JitterBuffer.MIN_SIZE && request <= JitterBuffer.MAX_SIZE) {
            jitter.setManualSize(request);
        } else if (!jitter.isAuto()) {
            jitter.setAuto(AUTO_STRATEGY);
        }
    }

    /** Whose gains and pans make this listener's mix: the conductor's while it follows one, else its own. */
    ChannelControl mixControl() {
        ClientChannel c = control.following;
        return c != null ? c.control : control;
    }

    /** True once the client may receive audio: identified (CHANNEL_INFOS) and its format known. */
    boolean receivesAudio() {
        return control.identified && control.props != null;
    }

    /** Linear fade-in over 3 s after identification (doc §6.2), 0 before and in the lobby (nobody hears it). */
    float fadeIn() {
        if (!control.identified || control.lobby) {
            return 0f;
        }
        long samples = input.fadeInSamples;
        return samples >= 3 * 48000 ? 1f : samples / (3f * 48000);
    }
}
