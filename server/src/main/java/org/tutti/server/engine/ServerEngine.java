package org.tutti.server.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.tutti.net.AddressText;
import org.tutti.net.BatchUdpSocket;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.NetworkTransportProps;
import org.tutti.server.directory.ClmSink;
import org.tutti.server.directory.DirectoryRole;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.recorder.JamRecorder;

/**
 * The Tutti server engine: one thread owns the UDP socket and every client's state. It runs a deadline clock
 * (absolute next tick, park until it), and per tick drains the socket, applies queued commands, decodes, mixes,
 * encodes and sends. Other threads talk to it only through {@link #call}, which queues a command and waits.
 * While no client is connected the thread sleeps on the socket instead of ticking.
 *
 * <p>This is the conductor: the loop, connects and disconnects, and the documented control API other threads
 * use. It builds the engine thread's parts and wires them narrowly; none of them knows the engine. The work itself
 * is in {@link AudioTick} (audio), {@link ProtocolHandler} and {@link ConnectionlessHandler} (messages, through {@link ChannelTable},
 * {@link Outbox}, {@link EventPublisher}, {@link HostedRolesPort}, {@link LiveSettings} and {@link TickClock}),
 * {@link ServerSocket} (UDP) and {@link HostedRoles} (directory and recorder).
 */
public final class ServerEngine implements AutoCloseable {
    private static final int MAX_DATAGRAMS_PER_TICK = 4096;
    /** Further behind than this, the clock restarts instead of catching up. */
    private static final long MAX_CATCH_UP_NANOS = 100_000_000L;
    /** Level lists go out every 201 × 64 samples, about 269 ms (doc §6.5). */
    private static final int LEVEL_INTERVAL_SAMPLES = 201 * 64;
    /** CLM_DISCONNECTION, sent to a kicked client. */
    private static final byte[] DISCONNECTION = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);

    private final ServerConfig config;
    private final ServerSocket socket;
    private final ChannelTable channels;
    private final EngineCounters counters = new EngineCounters();
    private final AudioTick audio;
    private final ProtocolHandler protocol;
    private final ConnectionlessHandler connectionless;
    private final Outbox outbox;
    private final EventPublisher events;
    private final LiveSettings settings;
    private final TickClock clock = new TickClock();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final byte[] rx = new byte[ServerSocket.MAX_DATAGRAM_BYTES];
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private int levelSamples;
    private final HostedRoles roles = new HostedRoles();
    private final KickedSenders kicked = new KickedSenders(64);
    private final BanList bans = new BanList();
    private final Lobby lobby;
    private final MetronomeChannel metronome;
    private final ChatCommands chatCommands;
    private final ConductorMix conductorMix;

    private ServerEngine(ServerConfig config, ServerEvents events) throws IOException {
        this.config = config;
        this.events = new EventPublisher(events);
        this.settings = new LiveSettings(config);
        this.socket = new ServerSocket(config, counters);
        this.channels = new ChannelTable(config.maxClients());
        this.periodNanos = config.frameSamples() * 1_000_000_000L / 48000;
        this.metronome = new MetronomeChannel(config.maxClients());
        this.audio = new AudioTick(config, counters, socket::newSendBatch, metronome);
        this.outbox = new Outbox(socket, counters, new ClmAnswerBudget(config.maxClients()));
        this.lobby = new Lobby(outbox, settings, counters);
        this.protocol = new ProtocolHandler(channels, outbox, this.events, roles, settings, clock, counters, lobby);
        protocol.listMetronome(metronome);
        this.conductorMix = new ConductorMix(channels, outbox);
        this.chatCommands = new ChatCommands(metronome, this::applyMetronome, conductorMix);
        protocol.useChatCommands(chatCommands);
        this.connectionless = new ConnectionlessHandler(channels, outbox, roles, counters);
        for (ClientChannel c : channels.slots()) {
            c.link = protocol.newLink(c);
        }
        this.thread = Thread.ofPlatform().name("server-engine").unstarted(
                new EngineSupervisor(this::run, () -> running, counters, channels::rebuildActive, this::failed));
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Binds the socket and starts the engine thread. */
    public static ServerEngine start(ServerConfig config, ServerEvents events) throws IOException {
        return start(config, events, List.of());
    }

    /**
     * Binds the socket and starts the engine thread with {@code bans} in force from the first datagram (the ban
     * file: a banned client still streaming at the port must not slip in while the server starts).
     */
    public static ServerEngine start(ServerConfig config, ServerEvents events, List<Ban> bans) throws IOException {
        return start(config, events, bans, null);
    }

    /**
     * As {@link #start(ServerConfig, ServerEvents, List)}, with the password lobby on from the first datagram when
     * {@code password} is not null (the password file: nobody may slip in while the server starts).
     */
    public static ServerEngine start(ServerConfig config, ServerEvents events, List<Ban> bans, String password)
            throws IOException {
        ServerEngine engine = new ServerEngine(config, events == null ? new ServerEvents() { } : events);
        bans.forEach(engine.bans::add); // before the engine thread starts, which then owns them
        engine.lobby.setPassword(password);
        engine.thread.start();
        return engine;
    }

    public int port() {
        return socket.port();
    }

    public ServerConfig config() {
        return config;
    }

    public EngineCounters counters() {
        return counters;
    }

    public String welcomeMessage() {
        return settings.welcomeMessage();
    }

    public void setWelcomeMessage(String text) {
        settings.welcomeMessage(text);
    }

    public String serverName() {
        return settings.serverName();
    }

    public void setServerName(String name) {
        settings.serverName(name);
    }

    /** Runs {@code query} on the engine thread and returns its result (waits at most 2 s). */
    public <T> T call(Supplier<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        commands.add(() -> {
            try {
                result.complete(query.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        socket.wakeup();
        try {
            return result.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("server engine did not answer: " + e, e);
        }
    }

    /** The connected clients in channel order. */
    public List<ClientSnapshot> clients() {
        return call(() -> {
            List<ClientSnapshot> list = new ArrayList<>();
            ClientChannel[] active = channels.active();
            for (int i = 0; i < channels.activeCount(); i++) {
                ClientChannel c = active[i];
                ChannelControl s = c.control;
                list.add(new ClientSnapshot(c.id, AddressText.format(c.address), s.info, c.jitterFrames(),
                        s.props == null ? 0 : s.audioChannels, s.props, c.jitterCounters(), s.lobby));
            }
            return list;
        });
    }

    /** The metronome's settings (JSON-RPC getMetronome, the server panel). */
    public MetronomeSettings metronome() {
        return call(metronome::settings);
    }

    /**
     * Switches the metronome on or off and sets its tempo and metre (docs/server-engine.md, "Metronome"). Switched
     * on, every client's list gains the channel "Metronome" at full gain and centre pan in every mix.
     *
     * @throws IllegalArgumentException bpm not 30..300 or beatsPerBar not 2..12
     * @throws IllegalStateException    switching on with {@code -u 150}, which leaves no channel ID below 150 for it
     */
    public MetronomeSettings setMetronome(boolean enabled, int bpm, int beatsPerBar) {
        metronome.check(enabled, bpm, beatsPerBar); // here, so the caller gets the reason (call() wraps failures)
        return call(() -> {
            applyMetronome(enabled, bpm, beatsPerBar);
            return metronome.settings();
        });
    }

    /** The conductor's channel ID, or -1 when nobody conducts. */
    public int conductor() {
        return call(() -> conductorMix.conductor() == null ? -1 : conductorMix.conductor().id);
    }

    /**
     * Makes client {@code id} the conductor: every other listener hears its personal mix (in their own stream
     * format) unless they opt out with /ownmix; -1 ends it. False if no client has that ID.
     */
    public boolean setConductor(int id) {
        return call(() -> {
            ClientChannel c = id < 0 ? null : channels.connected(id);
            if (id >= 0 && c == null) {
                return false;
            }
            conductorMix.set(c, System.nanoTime());
            return true;
        });
    }

    /** Whether musicians' chat commands are on ({@link #allowChatCommands}). */
    public boolean chatCommandsAllowed() {
        return call(chatCommands::allowed);
    }

    /** Lets musicians steer the metronome from the chat ({@code --chatcommands}: /tempo, /click). */
    public void allowChatCommands(boolean on) {
        call(() -> {
            chatCommands.allow(on);
            return null;
        });
    }

    /** Engine thread: new metronome settings (checked by the caller); clients learn when it appears or goes. */
    private void applyMetronome(boolean enabled, int bpm, int beatsPerBar) {
        if (metronome.apply(enabled, bpm, beatsPerBar)) {
            if (enabled) {
                for (ClientChannel c : channels.slots()) {
                    c.control.resetColumn(metronome.id);
                }
            }
            protocol.sendClientListToAll(System.nanoTime());
        }
    }

    /** Sends {@code text} unchanged (HTML) to every client, as JSON-RPC broadcastChatMessage does. */
    public void broadcastChat(String text) {
        call(() -> {
            protocol.broadcastChat(text, -1, System.nanoTime());
            return null;
        });
    }

    /** Sends {@code text} to one client; false if no client has that ID. */
    public boolean privateChat(int id, String text) {
        return call(() -> {
            ClientChannel c = channels.connected(id);
            if (c == null) {
                return false;
            }
            outbox.queue(c, new ConnectedMessage.ChatText(text), System.nanoTime());
            return true;
        });
    }

    /** Sends connection-less messages through the server's socket (for the directory components; engine thread). */
    public ClmSink clmSink() {
        return connectionless::sendForDirectory; // its answers to requests pass the global anti-amplification budget
    }

    /** The engine's monotonic clock in milliseconds, as the directory components expect it. */
    public static long nowMs() {
        return System.nanoTime() / 1_000_000L;
    }

    /**
     * Hosts {@code role} (from {@code DirectoryRole.fromOptions}) on the engine thread: it sees every CLM first, is
     * polled about every 10 ms, starts registering now and unregisters (or saves the directory file) at close.
     * Hosting another role later (the server window's directory selector) shuts the previous one down first.
     */
    public void hostDirectory(DirectoryRole role) {
        call(() -> {
            roles.hostDirectory(role, System.nanoTime());
            return null;
        });
    }

    /**
     * Hosts the jam recorder: every connected channel's decoded input goes to it each tick, and its state changes
     * go to every client as RECORDER_STATE (doc §8.1). The recorder's writer thread owns the files.
     */
    public void hostRecorder(JamRecorder jamRecorder) {
        jamRecorder.onStateChange(state -> {
            commands.add(() -> protocol.sendRecorderStateToAll(clock.nowNs()));
            socket.wakeup();
        });
        call(() -> {
            roles.hostRecorder(jamRecorder);
            return null;
        });
    }

    /** The hosted recorder, or null. */
    public JamRecorder recorder() {
        return roles.recorder();
    }

    /** Registration state for JSON-RPC ({@code not_registered} without -e). */
    public RegistrationStatus registrationStatus() {
        return call(roles::registrationStatus);
    }

    /**
     * This server's public address and port as its directory lists them, or null: not registered, or the directory
     * does not say (a Jamulus directory never does; see {@code ServerRegistrar#seenByDirectory}).
     */
    public InetSocketAddress addressSeenByDirectory() {
        return call(roles::seenByDirectory);
    }

    /** Registers again at once, when registered (the router's external address changed). */
    public void reRegister() {
        call(() -> {
            roles.reRegister(System.nanoTime());
            return null;
        });
    }

    /** The -e text as given, "" without -e. */
    public String directoryText() {
        return call(roles::directoryText);
    }

    /** Changes the name (JSON-RPC setServerName); a registered server re-registers with it at once. */
    public void renameServer(String name) {
        setServerName(name);
        call(() -> {
            roles.rename(name, System.nanoTime());
            return null;
        });
    }

    /** Changes name, city and country (the server window); a registered server re-registers with them at once. */
    public void updateServerInfo(String name, String city, int country) {
        setServerName(name);
        call(() -> {
            roles.updateInfo(name, city, country, System.nanoTime());
            return null;
        });
    }

    /**
     * Kicks client {@code id}: it is sent CLM_DISCONNECTION (as Jamulus's server on quit with {@code -d}), its channel
     * is freed at once, and its address and port are ignored for a minute (a Jamulus client keeps streaming after
     * CLM_DISCONNECTION and would be straight back in). False if no client has that ID.
     */
    public boolean kick(int id) {
        return call(() -> {
            ClientChannel c = channels.connected(id);
            if (c == null) {
                return false;
            }
            kickNow(c, System.nanoTime());
            return true;
        });
    }

    /**
     * Bans client {@code id}'s IP address for {@code length} (null: until unbanned) and kicks every client from that
     * address. Returns the ban, or null if no client has that ID.
     */
    public Ban ban(int id, Duration length) {
        return call(() -> {
            ClientChannel c = channels.connected(id);
            if (c == null) {
                return null;
            }
            InetAddress ip = c.address.getAddress();
            Ban ban = new Ban(ip, length == null ? null : Instant.now().plus(length));
            bans.add(ban);
            long nowNs = System.nanoTime();
            ClientChannel[] active = channels.active();
            for (int i = channels.activeCount() - 1; i >= 0; i--) {
                if (active[i].address.getAddress().equals(ip)) {
                    kickNow(active[i], nowNs);
                }
            }
            events.bansChanged(bans.current(Instant.now()));
            return ban;
        });
    }

    /** Ends the ban of {@code address}; false if it was not banned. */
    public boolean unban(InetAddress address) {
        return call(() -> {
            boolean removed = bans.remove(address);
            if (removed) {
                events.bansChanged(bans.current(Instant.now()));
            }
            return removed;
        });
    }

    /** The bans still holding, in the order they were made. */
    public List<Ban> bans() {
        return call(() -> bans.current(Instant.now()));
    }

    /**
     * Sets the session password (the server panel's field, live): with one, new connections wait in the lobby until
     * they type it in the chat; {@code null} or blank turns the lobby off and admits everyone waiting. Connections
     * already admitted stay admitted across changes. The text is not logged or kept, only its digest.
     */
    public void setPassword(String password) {
        call(() -> {
            lobby.setPassword(password);
            if (!lobby.active()) {
                admitAll(System.nanoTime());
            }
            return null;
        });
    }

    /** Whether new connections wait in the password lobby. */
    public boolean hasPassword() {
        return call(lobby::active);
    }

    /** Admits client {@code id} from the lobby (JSON-RPC admitClient, the panel); false if it is not waiting there. */
    public boolean admit(int id) {
        return call(() -> {
            ClientChannel c = channels.connected(id);
            if (c == null || !c.control.lobby) {
                return false;
            }
            long nowNs = System.nanoTime();
            lobby.admit(c, nowNs);
            protocol.sendClientListToAll(nowNs);
            return true;
        });
    }

    // ------------------------------------------------------------------ engine thread

    private void admitAll(long nowNs) {
        boolean any = false;
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            if (active[i].control.lobby) {
                lobby.admit(active[i], nowNs);
                any = true;
            }
        }
        if (any) {
            protocol.sendClientListToAll(nowNs);
        }
    }

    private void kickNow(ClientChannel c, long nowNs) {
        outbox.sendFrame(c.endpoint, DISCONNECTION);
        kicked.add(c.endpoint, nowNs);
        disconnect(c, nowNs);
    }

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            if (channels.activeCount() == 0) {
                idleWait();
                nextTick = System.nanoTime();
                continue;
            }
            long now = System.nanoTime();
            if (now < nextTick) {
                LockSupport.parkNanos(nextTick - now);
                continue;
            }
            if (now - nextTick > periodNanos) {
                counters.missedDeadlines++;
                if (now - nextTick > MAX_CATCH_UP_NANOS) {
                    nextTick = now; // stalled (e.g. the machine was suspended): restart the clock
                }
                // Otherwise catch up tick by tick, so we produce as many frames as the clients send.
            }
            clock.set(now);
            runCommands();
            drainSocket(now);
            try {
                tick(now);
            } catch (RuntimeException e) {
                counters.internalErrors++; // a bug must not silence every client: skip the rest of this tick
            }
            nextTick += periodNanos;
            long took = System.nanoTime() - now;
            if (took > counters.maxTickNanos) {
                counters.maxTickNanos = took;
            }
        }
        shutdown();
    }

    private void idleWait() {
        socket.awaitReadable(50); // directory components want a poll at least every 100 ms
        long nowNs = System.nanoTime();
        clock.set(nowNs);
        runCommands();
        drainSocket(nowNs);
        roles.poll(nowNs);
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    /**
     * Receives what is waiting, a batch at a time, at most {@link #MAX_DATAGRAMS_PER_TICK} per tick (a flood cannot
     * take the tick's time: the rest waits in the kernel's buffer). The sender is found by its key without
     * allocating; an address object is made only for a stranger whose datagram needs one.
     */
    private void drainSocket(long nowNs) {
        BatchUdpSocket raw = socket.raw();
        int budget = MAX_DATAGRAMS_PER_TICK;
        while (budget > 0) {
            int n = socket.receive();
            if (n == 0) {
                return;
            }
            budget -= n;
            counters.packetsIn += n;
            for (int i = 0; i < n; i++) {
                try {
                    dispatch(raw, i, nowNs);
                } catch (RuntimeException e) {
                    // One bad datagram must never stop the server: count it and go on.
                    counters.internalErrors++;
                }
            }
            if (n < ServerSocket.BATCH) {
                return; // the socket was drained a moment ago: spare the system call that would say so
            }
        }
    }

    private void dispatch(BatchUdpSocket raw, int i, long nowNs) {
        int len = raw.copy(i, rx, 0);
        ClientChannel known = channels.sender(raw, i);
        if (known == null && kicked.contains(raw, i, nowNs)) {
            counters.kickedDatagramsDropped++; // a kicked client still streaming: not straight back in
            return;
        }
        switch (DatagramKind.classify(rx, 0, len)) {
            case AUDIO -> onAudio(raw, i, known, len, nowNs);
            case CONNECTED -> {
                if (known != null) {
                    protocol.onConnected(known, rx, len, nowNs);
                }
            }
            case CONNECTIONLESS -> {
                InetSocketAddress from = known != null ? known.address : raw.sender(i).address();
                if (known == null && isBanned(from)) {
                    return; // a banned address gets no answers either (docs/server-engine.md, "Kick and ban")
                }
                connectionless.onConnectionless(from, known, rx, len, nowNs);
            }
        }
    }

    private void onAudio(BatchUdpSocket raw, int i, ClientChannel c, int len, long nowNs) {
        if (c == null) {
            if (!AudioPacketSizes.isPlausibleAudio(len)) {
                counters.garbageDatagrams++;
                return;
            }
            UdpEndpoint from = raw.sender(i);
            if (isBanned(from.address())) {
                return;
            }
            c = channels.lowestFreeSlot();
            if (c == null) {
                connectionless.serverFull(from.address(), nowNs);
                return;
            }
            connect(c, from, nowNs);
        }
        counters.audioPacketsIn++;
        c.input.timeoutSamples = ChannelInput.TIMEOUT_SAMPLES;
        NetworkTransportProps props = c.control.props;
        if (props == null || len != props.packetBytes()) {
            counters.wrongSizeAudio++;
            return;
        }
        int frameBytes = props.baseNetworkFrameBytes();
        int coded = props.codedBytes();
        boolean sequenced = props.withSequenceNumber();
        long arrivalNs = System.nanoTime();
        for (int k = 0; k < props.blockFactor(); k++) {
            int at = k * frameBytes;
            int seq = sequenced ? rx[at + coded] & 0xFF : 0;
            if (!c.input.jitter.put(rx, at, coded, seq, arrivalNs)) {
                counters.jitterOverruns++;
            }
        }
    }

    /** True (and counted) when a stranger's address is banned; costs nothing while nobody is banned. */
    private boolean isBanned(InetSocketAddress from) {
        if (bans.isEmpty() || !bans.isBanned(from.getAddress(), Instant.now())) {
            return false;
        }
        counters.bannedDatagramsDropped++;
        return true;
    }

    private void connect(ClientChannel c, UdpEndpoint from, long nowNs) {
        c.open(from);
        for (ClientChannel other : channels.slots()) {
            other.control.resetColumn(c.id);
        }
        channels.rebuildActive();
        protocol.onNewConnection(c, nowNs);
        conductorMix.joined(c, nowNs);
        String ip = AddressText.host(from.address().getAddress()); // QHostAddress::toString, as Jamulus logs it
        events.clientConnected(c.id, ip, channels.activeCount());
        events.clientListChanged(channels);
    }

    private void disconnect(ClientChannel c, long nowNs) {
        int id = c.id;
        conductorMix.leaving(c, nowNs);
        c.close();
        channels.rebuildActive();
        protocol.sendClientListToAll(nowNs);
        events.clientDisconnected(id);
        boolean idle = channels.activeCount() == 0;
        roles.channelGone(id, idle);
        if (idle) {
            events.serverIdle();
        }
    }

    private void tick(long nowNs) {
        int n = config.frameSamples();
        ClientChannel[] active = channels.active();
        for (int i = channels.activeCount() - 1; i >= 0; i--) {
            ClientChannel c = active[i];
            c.input.timeoutSamples -= n;
            if (c.input.timeoutSamples <= 0 || c.control.disconnectRequested) {
                disconnect(c, nowNs);
            }
        }
        int activeCount = channels.activeCount();
        audio.decode(active, activeCount);
        roles.record(active, activeCount, n);
        levelSamples += n;
        if (levelSamples >= LEVEL_INTERVAL_SAMPLES) {
            levelSamples -= LEVEL_INTERVAL_SAMPLES;
            protocol.sendLevels(nowNs);
        }
        audio.mixAndSend();
        for (int i = 0; i < activeCount; i++) {
            active[i].link.poll(nowNs);
        }
        roles.poll(nowNs);
        counters.ticks++;
    }

    /** Slot {@code id} or null, on the engine thread: for {@code ServerPeek} in the client module's tests. */
    ClientChannel slot(int id) {
        return channels.slot(id);
    }

    // ------------------------------------------------------------------ shutdown

    /** Stops the engine; with {@code -d} every client first gets CLM_DISCONNECTION. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        socket.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
    }

    /** The supervisor gave up (engine thread): stop, free what can be freed, and tell the embedder. */
    private void failed(Throwable cause) {
        running = false;
        try {
            shutdown();
        } catch (Throwable e) {
            socket.close(); // at least release the port
        }
        events.engineFailed(cause);
    }

    private void shutdown() {
        roles.shutdown();
        if (config.disconnectOnQuit()) {
            byte[] frame = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
            ClientChannel[] active = channels.active();
            for (int i = 0; i < channels.activeCount(); i++) {
                outbox.sendFrame(active[i].endpoint, frame);
            }
        }
        for (ClientChannel c : channels.slots()) {
            c.close();
        }
        audio.close();
        channels.clear();
        socket.close();
    }
}
