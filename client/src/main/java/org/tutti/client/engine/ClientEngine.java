package org.tutti.client.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerChannel;
import org.tutti.client.model.MixerModel;
import org.tutti.codec.OpusQuality;
import org.tutti.net.ReliableChannel;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ConnectedMessage.ChatText;
import org.tutti.protocol.ConnectedMessage.JitterBufferSize;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.GainPan;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.NetworkTransportProps;

/**
 * The musician's side of a Jamulus session: opens the sound device, streams coded audio to the server, plays the
 * server's personal mix, and speaks the protocol (protocol doc §5.3). All state lives on one control thread; public
 * methods post commands to it and may be called from any thread. The audio thread only runs {@link ClientAudioCycle}.
 *
 * <p>This is the control thread's "conductor" and is longer than most files on purpose: every piece of session
 * state it touches is owned by that one thread, and keeping it in one class keeps that rule visible. The session state
 * the server's messages change is {@link ServerReplies}'s, which reaches the engine only through a narrow
 * {@link ServerReplies.Stream}; other pieces live beside it ({@link GainPacer}, {@link UdpTransport},
 * {@link ClientAudioCycle}, {@link LocalMonitor}).
 */
public final class ClientEngine implements AutoCloseable {
    static final long SILENCE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long PING_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ScheduledExecutorService control;
    private final long silenceTimeoutNanos;
    private final ClientListener listener;
    private final MixerModel mixer = new MixerModel();
    private final long startNanos = System.nanoTime();
    private volatile ClientOptions options;
    private final JitterControl jitter = new JitterControl();
    private final AudioCallback audio = new SwitchingCallback();
    private volatile ClientAudioCycle path;
    /** Several inputs as separate channels: the split wanted, and the running one (read by the audio thread). */
    private volatile List<SplitChannel> split = List.of();
    private volatile ExtraChannels extras = ExtraChannels.NONE;
    /** Plays the input back (and feeds the meters) while no server is connected: the sound check. */
    private final LocalMonitor monitor = new LocalMonitor();
    /** Recording at home: its tap is read once per audio cycle. */
    private final HomeRecordings recordings;
    /** Which device channels are left and right: chosen by the control thread, applied by the audio thread. */
    private final ChannelRouter router = new ChannelRouter();
    private volatile ChannelRoute route = ChannelRoute.IDENTITY; // read once per audio cycle
    private volatile ChannelMapping channelMapping = ChannelMapping.DEFAULT;
    private volatile boolean channelMappingFellBack;
    /** Control thread: keep the sound card open between connections ({@link #setSoundCheck}). */
    private boolean soundCheck;
    // per connection, control thread only
    private UdpTransport transport;
    private InetSocketAddress serverAddress;
    private ReliableChannel link;
    private long malformedFrames;
    private volatile long internalErrors;
    private volatile AudioStream stream;
    private PacketRing ring;
    private boolean active;
    /** The connection's protocol state; replaced per connection, read by other threads for the status. */
    private volatile ServerReplies replies;
    private long lastPingNanos;
    private long connectStartNanos;
    private final GainPacer gains = new GainPacer();
    private final FeedbackGuard feedback = new FeedbackGuard();
    private boolean muteOwnStripPending;
    private volatile boolean firstAudioPending;
    // read by other threads
    private volatile boolean connected;

    public ClientEngine(ClientOptions options, ClientListener listener) {
        this(options, listener, SILENCE_TIMEOUT_NANOS);
    }

    /** For tests: a shorter server-silence time-out than Jamulus's 30 s. */
    ClientEngine(ClientOptions options, ClientListener listener, long silenceTimeoutNanos) {
        this.silenceTimeoutNanos = silenceTimeoutNanos;
        this.options = options;
        this.listener = listener;
        this.recordings = new HomeRecordings(this::post, listener::homeRecordingFailed);
        this.monitor.channelMode = options.channelMode();
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tutti-client-control");
            t.setDaemon(true);
            return t;
        });
        control.scheduleAtFixedRate(() -> guard(this::tick), 20, 20, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ commands (any thread)

    /** Connects to {@code address} ({@code host[:port]}, {@code [v6]:port}); completes once audio runs. */
    public CompletableFuture<Void> connect(String address) {
        return call(() -> {
            ServerAddress parsed = ServerAddress.parse(address);
            InetSocketAddress resolved = parsed.resolve();
            startConnection(resolved);
            return null;
        });
    }

    /** Leaves the server (CLM_DISCONNECTION) and stops audio. */
    public CompletableFuture<Void> disconnect() {
        return call(() -> {
            stopConnection("disconnected by user", true);
            return null;
        });
    }

    public void sendChat(String text) {
        post(() -> {
            if (active) {
                link.send(ChatText.truncating(text), System.nanoTime());
            }
        });
    }

    /** Changes the profile; sent to the server at once when connected. */
    public void setProfile(ChannelInfo profile) {
        updateProfile(old -> profile);
    }

    /**
     * Changes part of the profile, applied on the engine thread so concurrent edits (name, then instrument …) do
     * not undo each other.
     */
    public void updateProfile(UnaryOperator<ChannelInfo> change) {
        post(() -> {
            ChannelInfo profile = change.apply(options.profile());
            options = options.withProfile(profile);
            if (active) {
                link.send(new ConnectedMessage.ChannelInfos(profile), System.nanoTime());
            }
        });
    }

    /** Runs {@code change} on the mixer (control thread) and sends the resulting gains and pans. */
    public void mixer(Consumer<MixerModel> change) {
        post(() -> {
            change.accept(mixer);
            publishMix();
        });
    }

    /**
     * Changes quality, channel setup and "small network buffers". When connected, the stream switches at once and
     * the server gets new NETW_TRANSPORT_PROPS.
     */
    public void setStreamFormat(OpusQuality quality, ChannelMode mode, boolean smallNetworkBuffers) {
        post(() -> {
            options = options.withStream(quality, mode, smallNetworkBuffers);
            monitor.channelMode = mode;
            rebuildPath();
        });
    }

    /**
     * The sound check: while no server is connected, keep the sound card open so the input meters move (and, with
     * {@link #setHearMyself}, the input plays back). Connecting takes the running stream over; disconnecting goes
     * back to the sound check. Off by default (the headless client opens the card only to connect).
     */
    public void setSoundCheck(boolean on) {
        post(() -> {
            soundCheck = on;
            if (on) {
                openSoundCheck();
            } else {
                closeSoundCheck();
            }
        });
    }

    /** "Hear myself" during the sound check: the input, mixed as it would be sent, on the output. */
    public void setHearMyself(boolean on) {
        monitor.hearMyself = on;
    }

    public boolean hearMyself() {
        return monitor.hearMyself;
    }

    /** Peak of the left input after the boost, 0..1: connected or in the sound check; 0 with the card closed. */
    public float inputPeakLeft() {
        ClientAudioCycle p = path;
        return p != null ? p.inputPeakLeft : stream != null ? monitor.inputPeakLeft : 0f;
    }

    public float inputPeakRight() {
        ClientAudioCycle p = path;
        return p != null ? p.inputPeakRight : stream != null ? monitor.inputPeakRight : 0f;
    }

    /** Whether "mute myself" is on (the last setting applied by the control thread). */
    public boolean muteMyself() {
        return options.muteMyself();
    }

    public void setMuteMyself(boolean mute) {
        post(() -> {
            options = options.withMutes(mute, options.muteMyOwn());
            ClientAudioCycle p = path;
            if (p != null) {
                p.muteMyself = mute;
            }
        });
    }

    /**
     * Jamulus's feedback protection: a loud input in the first 3 s of a connection mutes us (off until switched on;
     * the desktop does, from its settings; see {@link FeedbackGuard}).
     */
    public void setFeedbackProtection(boolean on) {
        post(() -> feedback.setEnabled(on));
    }

    /** Input boost factor 1..10. */
    public void setInputBoost(int factor) {
        post(() -> {
            jitter.inputBoost = Math.max(1, Math.min(10, factor));
            monitor.inputBoost = jitter.inputBoost;
        });
    }

    /** Jamulus's input reverb: level 0..100 (0 = off); in mono streams it acts on the left or the right input. */
    public void setReverb(int level, boolean onLeft) {
        post(() -> {
            jitter.reverbLevel = Math.max(0, Math.min(Reverb.MAX_LEVEL, level));
            jitter.reverbOnLeft = onLeft;
        });
    }

    /** Input balance −50 (left) .. 50 (right). */
    public void setInputPan(int pan) {
        post(() -> {
            jitter.inputPan = Math.max(-50, Math.min(50, pan));
            monitor.inputPan = jitter.inputPan;
        });
    }

    /**
     * Which device inputs and outputs are left and right ({@link ChannelMapping}). Applied to the open stream at
     * once; a stream with too few channels for it is reopened with more (JACK creates the ports), and where the
     * device has no such channel the engine uses inputs and outputs 1/2 ({@link #channelMappingFellBack}).
     */
    public void setChannelMapping(ChannelMapping mapping) {
        post(() -> {
            if (mapping.equals(channelMapping)) {
                return;
            }
            channelMapping = mapping;
            AudioStream s = stream;
            if (s != null && ChannelRoute.resolve(mapping, s.format().inputChannels(),
                    s.format().outputChannels()) == null) {
                reopenStream();
            }
            publishRoute();
        });
    }

    public ChannelMapping channelMapping() {
        return channelMapping;
    }

    /** True when the open stream lacks a channel the mapping names, so inputs and outputs 1/2 are used instead. */
    public boolean channelMappingFellBack() {
        return channelMappingFellBack;
    }

    /** Local jitter buffer: automatic, or a fixed size 1..20. Rebuilds the audio path when connected. */
    public void setJitterBuffer(boolean auto, int blocks) {
        post(() -> {
            jitter.setLocal(auto, blocks);
            rebuildPath();
        });
    }

    /** The server's jitter buffer for this client: automatic, or a fixed size 1..20. */
    public void setServerJitterBuffer(boolean auto, int blocks) {
        post(() -> {
            jitter.setServer(auto, blocks);
            if (active) {
                link.send(new JitterBufferSize(jitter.serverWireValue()), System.nanoTime());
            }
        });
    }

    /**
     * Several inputs as separate channels ({@link ExtraChannels}). When connected, the extra channels are replaced at
     * once if the open card has their inputs, otherwise from the next connection.
     */
    public void setSplit(List<SplitChannel> channels) {
        post(() -> {
            List<SplitChannel> wanted = List.copyOf(
                    channels.subList(0, Math.min(channels.size(), SplitChannel.MAX_EXTRA)));
            boolean fits = stream != null && stream.format().inputChannels() >= ExtraChannels.inputsNeeded(wanted);
            if (wanted.equals(split)) {
                return;
            }
            split = wanted;
            if (active && fits) {
                ExtraChannels old = extras;
                extras = ExtraChannels.open(split, serverAddress, stream.format().bufferFrames(), options,
                        jitter.serverWireValue(), this::post, startNanos);
                old.stopSending(); // a cycle running now may still send once: the goodbye waits for it
                control.schedule(() -> guard(old::close), 500, TimeUnit.MILLISECONDS);
            } else if (!active && stream != null && !fits) {
                closeSoundCheck();
                openSoundCheck();
            }
        });
    }

    /** The server's channel ids of the running split's extra channels (−1 until known); empty without one. */
    public int[] splitChannelIds() {
        return extras.channelIds();
    }

    /** The profile sent to servers (safe from any thread). */
    public ChannelInfo currentProfile() {
        return options.profile();
    }

    public ClientStatus status() {
        ClientAudioCycle p = path;
        ServerReplies r = replies;
        if (!connected || p == null || r == null) {
            return ClientStatus.IDLE;
        }
        AudioStream s = stream;
        return new ClientStatus(true, r.channelId(), r.pingMs(), p.config().uploadKbps(p.withSequenceNumber),
                s == null ? 0 : s.format().bufferFrames(), p.jitterSize, p.packetsSent, p.packetsReceived,
                p.framesConcealed, r.serverVersion(), p.inputPeakLeft, p.inputPeakRight, p.outputPeak,
                p.dropouts, p.underruns, p.lateFrames, p.playoutDelayFrames, p.holds, p.skips,
                p.playbackRatioPpm, p.lateCallbacks);
    }

    /** A snapshot of the mixer strips, taken on the control thread. */
    public CompletableFuture<List<MixerChannel>> channels() {
        return call(mixer::channels);
    }

    /**
     * Starts recording the own input and the mix as heard into a new {@code Tutti-…} folder under {@code parent}
     * (a recording in progress ends first); returns that folder. Records whatever the sound card runs: the connection
     * or the sound check. Any thread; the files are created on the caller's.
     */
    public Path startRecording(Path parent) throws IOException {
        return recordings.start(parent, extras.trackNames(split));
    }

    /** Ends the recording and closes its files; returns its folder, or null when none was running. Any thread. */
    public Path stopRecording() {
        return recordings.stop();
    }

    /** The recording in progress, or null. */
    public HomeRecorder recording() {
        return recordings.current();
    }

    @Override
    public void close() {
        stopRecording();
        try {
            call(() -> {
                soundCheck = false; // first, or leaving the server would open the sound check again
                stopConnection("disconnected by user", true);
                closeSoundCheck();
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        control.shutdownNow();
    }

    // ------------------------------------------------------------------ sound check (control thread)

    private AudioRequest audioRequest() {
        AudioRequest stereo = new AudioRequest(options.audioClientName(), options.audioDevice(), 48_000,
                options.bufferFrames(), options.autoConnect());
        ChannelMapping m = channelMapping;
        int splitInputs = ExtraChannels.inputsNeeded(split); // the split's channels read the device's own inputs
        if (m.isDefault() && splitInputs <= AudioRequest.CHANNELS) {
            return stereo; // exactly what every backend opened before mappings and splits existed
        }
        // JACK creates ports on demand: as many as the mapping and the split use. Elsewhere the backend opens what
        // the device has, up to eight, so that the choices (and the mixed ones of a four-input card) mean what the
        // list showed.
        return JackBackendProvider.NAME.equals(options.backend().name())
                ? stereo.withChannels(Math.max(m.inputsNeeded(), splitInputs), m.outputsNeeded())
                : stereo.withChannels(AudioRequest.MAX_CHANNELS, AudioRequest.MAX_CHANNELS);
    }

    // The route for the open stream (identity with none): the mapping, or inputs/outputs 1/2 where it does not fit.
    private void publishRoute() {
        AudioStream s = stream;
        ChannelRoute r = s == null ? ChannelRoute.IDENTITY
                : ChannelRoute.resolve(channelMapping, s.format().inputChannels(), s.format().outputChannels());
        channelMappingFellBack = r == null;
        route = r == null ? ChannelRoute.IDENTITY : r;
    }

    // A new mapping needs more channels: the same device again, asked for them; the path goes on with the new one.
    private void reopenStream() {
        AudioStream old = stream;
        stream = null;
        old.close();
        try {
            AudioStream s = options.backend().open(audioRequest(), audio);
            stream = s;
            publishRoute();
            s.start();
            rebuildPath();
        } catch (AudioBackendException e) {
            AudioStream s = stream;
            stream = null;
            if (s != null) {
                s.close();
            }
            if (active) {
                stopConnection("audio device stopped: " + e.getMessage(), true);
            }
        }
    }

    // No path is set, so the switching callback runs the monitor on this stream.
    private void openSoundCheck() {
        if (!soundCheck || active || stream != null) {
            return;
        }
        AudioStream s;
        try {
            s = options.backend().open(audioRequest(), audio);
        } catch (AudioBackendException e) {
            return; // the meters stay still; connecting reports the device's problem
        }
        monitor.resetMeters();
        stream = s;
        publishRoute();
        try {
            s.start();
        } catch (AudioBackendException e) {
            stream = null;
            s.close();
        }
    }

    private void closeSoundCheck() {
        if (active || stream == null) {
            return;
        }
        AudioStream s = stream;
        stream = null;
        s.close(); // waits for a running cycle
    }

    // ------------------------------------------------------------------ connection life cycle (control thread)

    private void startConnection(InetSocketAddress server) throws IOException, AudioBackendException {
        stopConnection(null, true);
        ring = new PacketRing(256);
        link = new ReliableChannel((buf, off, len) -> transport.sendFrame(buf, off, len),
                m -> replies.handle(m, System.nanoTime()));
        replies = new ServerReplies(link, mixer, listener, new ConnectionStream(), startNanos);
        transport = new UdpTransport(server, options.localPort(), ring,
                frame -> post(() -> onProtocolFrame(frame)), this::onAudioArrived);
        // The sound check's running stream is taken over as it is: setting the path below switches its callback from
        // the monitor to the connection, without reopening the device (JACK connections and buffer size stay).
        if (stream == null) {
            try {
                stream = options.backend().open(audioRequest(), audio);
                publishRoute();
            } catch (AudioBackendException e) {
                transport.close();
                transport = null;
                throw e;
            }
        }
        active = true;
        connected = true;
        firstAudioPending = true;
        connectStartNanos = System.nanoTime();
        feedback.connectionStarted(connectStartNanos);
        muteOwnStripPending = false;
        mixer.clear();
        path = newPath(stream.format().bufferFrames()); // last: a running stream sends from here on
        serverAddress = server;
        extras = ExtraChannels.open(split, server, stream.format().bufferFrames(), options, jitter.serverWireValue(),
                this::post, startNanos);
        if (!stream.isRunning()) {
            stream.start(); // audio now flows: the first packet makes the server create our channel
        }
    }

    private ClientAudioCycle newPath(int bufferFrames) {
        StreamConfig config = StreamConfig.choose(bufferFrames, options.smallNetworkBuffers(), options.quality(),
                options.channelMode());
        ClientAudioCycle p = new ClientAudioCycle(config, ring, transport, jitter.localAuto ? 0 : jitter.localBlocks);
        p.muteMyself = options.muteMyself();
        p.withSequenceNumber = replies.sequenceNumbers();
        p.inputBoost = jitter.inputBoost;
        p.inputPan = jitter.inputPan;
        p.reverbLevel = jitter.reverbLevel;
        p.reverbOnLeft = jitter.reverbOnLeft;
        return p;
    }

    // Swaps in a fresh audio path (new codec state and jitter buffer); the old one is freed after a grace period
    // so that a cycle already running on the audio thread can finish with it.
    private void rebuildPath() {
        ClientAudioCycle old = path;
        if (!active || old == null || stream == null) {
            return;
        }
        path = newPath(stream.format().bufferFrames());
        Runnable oldExtras = extras.rebuild(stream.format().bufferFrames(), options);
        control.schedule(() -> guard(() -> {
            old.close();
            oldExtras.run();
        }), 500, TimeUnit.MILLISECONDS);
        if (!path.config().equals(old.config())) {
            link.send(new ConnectedMessage.TransportProps(transportProps(replies.sequenceNumbers())),
                    System.nanoTime());
        }
    }

    private void stopConnection(String reason, boolean sayGoodbye) {
        if (!active) {
            return;
        }
        active = false;
        connected = false;
        if (stream != null) {
            stream.close(); // audio stops before the goodbye, or the server would open a new channel
            stream = null;
        }
        if (sayGoodbye && transport != null) {
            byte[] bye = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
            transport.sendFrame(bye, 0, bye.length);
            transport.sendFrame(bye, 0, bye.length); // Jamulus sends it twice; UDP may lose one
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
        extras.close(); // after the stream: no cycle sends on them any more
        extras = ExtraChannels.NONE;
        ClientAudioCycle p = path;
        path = null;
        if (p != null) {
            p.close();
        }
        link.reset();
        gains.clear();
        mixer.clear();
        if (reason != null) {
            listener.disconnected(reason);
        }
        openSoundCheck(); // the path's stream is closed (no cycle of it can send after the goodbye): a fresh one
    }

    private void onAudioArrived() {
        if (firstAudioPending) {
            firstAudioPending = false;
            post(this::onFirstAudio);
        }
    }

    // §5.3: the first audio from the server means the connection is established.
    private void onFirstAudio() {
        if (!active) {
            return;
        }
        long now = System.nanoTime();
        link.send(new ConnectedMessage.ChannelInfos(options.profile()), now);
        link.send(new ConnectedMessage.ReqConnClientsList(), now);
        link.send(new JitterBufferSize(jitter.serverWireValue()), now);
        link.send(new ConnectedMessage.ReqChannelLevelList(true), now);
    }

    private void tick() {
        if (!active) {
            return;
        }
        long now = System.nanoTime();
        link.poll(now);
        extras.tick(now);
        if (mixer.setOwnExtraChannels(extras.channelIds())) {
            publishMix(); // Mute My Own covers them too
            listener.clientListChanged(mixer.channels()); // their strips show "(you)"
        }
        if (now - lastPingNanos >= PING_INTERVAL_NANOS) {
            lastPingNanos = now;
            byte[] ping = MessageCodec.encodeFrame(new ConnectionlessMessage.PingMs(replies.clockMs(now)), 0);
            transport.sendFrame(ping, 0, ping.length);
        }
        flushGains(now);
        ClientAudioCycle p = path;
        if (p != null) {
            p.inputBoost = jitter.inputBoost;
            p.inputPan = jitter.inputPan;
            p.reverbLevel = jitter.reverbLevel;
            p.reverbOnLeft = jitter.reverbOnLeft;
            if (feedback.trips(now, p.inputPeakLeft, p.inputPeakRight)) {
                feedbackTripped(p);
            } else if (muteOwnStripPending && muteOwnStripIfListed()) {
                listener.clientListChanged(mixer.channels()); // the strips shown must show the mute
            }
        }
        long lastAudio = transport.lastAudioNanos;
        long since = now - (lastAudio == 0 ? connectStartNanos : lastAudio);
        if (since > silenceTimeoutNanos) {
            stopConnection("the server did not send audio for 30 seconds", true);
        }
    }

    // As Jamulus: "Mute Myself" on and our own channel muted in our mix, then the user is told.
    private void feedbackTripped(ClientAudioCycle p) {
        options = options.withMutes(true, options.muteMyOwn());
        p.muteMyself = true;
        muteOwnStripPending = true; // now, or as soon as the server has listed us
        muteOwnStripIfListed();
        listener.feedbackDetected();
    }

    private boolean muteOwnStripIfListed() {
        int own = mixer.ownChannelId();
        if (muteOwnStripPending && own >= 0 && mixer.channels().stream().anyMatch(c -> c.channelId() == own)) {
            muteOwnStripPending = false;
            mixer.setMute(own, true);
            publishMix();
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ protocol (control thread)

    private void onProtocolFrame(byte[] frame) {
        if (!active) {
            return;
        }
        if (!ProtocolFrames.dispatch(frame, link, replies, System.nanoTime())) {
            malformedFrames++;
        }
    }

    private NetworkTransportProps transportProps(boolean sequenceNumbers) {
        return path.config().transportProps(sequenceNumbers);
    }

    /** The connection's side as the server's replies see it (control thread). */
    private final class ConnectionStream implements ServerReplies.Stream {
        @Override
        public NetworkTransportProps transportProps(boolean sequenceNumbers) {
            return ClientEngine.this.transportProps(sequenceNumbers);
        }

        @Override
        public void useSequenceNumbers() {
            path.withSequenceNumber = true;
        }

        @Override
        public ChannelInfo profile() {
            return options.profile();
        }

        @Override
        public int serverJitterWireValue() {
            return jitter.serverWireValue();
        }

        @Override
        public boolean muteMyOwn() {
            return options.muteMyOwn();
        }

        @Override
        public void publishMix() {
            ClientEngine.this.publishMix();
        }

        @Override
        public void serverGone(String reason) {
            stopConnection(reason, false);
        }
    }

    private void publishMix() {
        if (!active) {
            return;
        }
        mixer.publish(new GainSink() {
            @Override
            public void gain(int id, double gain) {
                gains.offer(id, GainPan.toWire(gain));
            }

            @Override
            public void pan(int id, double pan) {
                link.send(new ConnectedMessage.ChannelPan(id, GainPan.toWire(pan)), System.nanoTime());
            }
        });
        flushGains(System.nanoTime());
    }

    private void flushGains(long now) {
        gains.flush(now, replies.pingMs(), (id, wire) -> link.send(new ConnectedMessage.ChannelGain(id, wire), now));
    }

    // ------------------------------------------------------------------ plumbing

    private void post(Runnable r) {
        control.execute(() -> guard(r));
    }

    private interface Task<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> call(Task<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        control.execute(() -> {
            try {
                f.complete(task.run());
            } catch (Exception | LinkageError e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * A bug in one message handler or listener must not stop the control thread's duty cycle: an exception or
     * Error escaping the periodic tick would cancel it silently and leave the client deaf (no pings, resends or
     * time-outs). Counted; logged with its stack trace the first time only, so a repeating failure cannot flood
     * the log. The client keeps going (a desktop app should not exit under its user); the next tick runs as usual.
     */
    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            if (internalErrors++ == 0) {
                System.getLogger("tutti.client").log(System.Logger.Level.ERROR,
                        "client engine error (later ones are only counted)", e);
            }
        }
    }

    /** Failures caught on the control thread (bugs in handlers or listeners); the engine went on after each. */
    public long internalErrors() {
        return internalErrors;
    }

    /** Forwards backend cycles to the current audio path, or to the sound check between connections. */
    private final class SwitchingCallback implements AudioCallback {
        @Override
        public void process(float[][] in, float[][] out, int frames) {
            RecordingTap tap = recordings.tap();
            if (tap != null && !tap.begin(frames)) {
                tap = null; // the writer fell behind: this cycle is missing from both tracks alike
            }
            ChannelRoute r = route;
            float[][] stereoIn = router.input(r, in, frames);
            float[][] stereoOut = router.output(r, out, frames);
            ClientAudioCycle p = path;
            if (p != null) {
                p.process(stereoIn, stereoOut, frames, tap);
                extras.process(in, frames, p.inputBoost, p.muteMyself, tap); // the device's own inputs, unmapped
            } else {
                monitor.process(stereoIn, stereoOut, frames, tap);
            }
            if (tap != null) {
                tap.mix(stereoOut, frames); // the same cycle's output: both tracks share the card's sample clock
                tap.commit(frames);
            }
            router.spread(r, stereoOut, out, frames);
        }

        @Override
        public void streamFailed(String reason) {
            post(() -> {
                if (active) {
                    stopConnection("audio device stopped: " + reason, true);
                } else {
                    closeSoundCheck(); // not reopened at once: a failing device would fail again and again
                }
            });
        }

        // JACK changed its period: choose the codec for the new size (§4.3) and tell the server.
        @Override
        public void bufferSizeChanged(int frames) {
            post(ClientEngine.this::rebuildPath);
        }
    }
}
