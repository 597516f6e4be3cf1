package org.tutti.server.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.tutti.net.AddressText;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.server.directory.ClmSink;
import org.tutti.server.directory.DirectoryRole;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.net.BatchUdpSocket;
import org.tutti.net.UdpEndpoint;
import org.tutti.protocol.MessageCodec;

/**
 * The Tutti server engine: one thread owns the UDP socket and every client's state. It runs a deadline clock
 * (absolute next tick, park until it), and per tick drains the socket, applies queued commands, decodes, mixes,
 * encodes and sends. Other threads talk to it only through {@link #call}, which queues a command and waits.
 * While no client is connected the thread sleeps on the socket instead of ticking.
 *
 * <p>This is the conductor (about 500 lines, mostly the documented control API other threads use): the loop,
 * the channel table and that API live together because they all touch state owned by the engine thread. The work
 * itself is in {@link AudioTick} (audio), {@link ProtocolHandler} (messages), {@link ServerSocket} (UDP) and
 * {@link HostedRoles} (directory and recorder).
 */
public final class ServerEngine implements AutoCloseable {
    private static final int MAX_DATAGRAMS_PER_TICK = 4096;
    /** Further behind than this, the clock restarts instead of catching up. */
    private static final long MAX_CATCH_UP_NANOS = 100_000_000L;
    /** Level lists go out every 201 × 64 samples, about 269 ms (doc §6.5). */
    private static final int LEVEL_INTERVAL_SAMPLES = 201 * 64;

    private final ServerConfig config;
    private final ServerSocket socket;
    private final ClientChannel[] slots;
    private final ClientChannel[] active;
    private int activeCount;
    private final EngineCounters counters = new EngineCounters();
    private final AudioTick audio;
    private final ProtocolHandler protocol;
    private final ServerEvents events;
    private final ExecutorService eventThread;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final byte[] rx = new byte[ServerSocket.MAX_DATAGRAM_BYTES];
    private final SenderTable senders;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String welcomeMessage;
    private volatile String serverName;
    private int levelSamples;
    private long nowNs;
    private final HostedRoles roles = new HostedRoles();

    private ServerEngine(ServerConfig config, ServerEvents events) throws IOException {
        this.config = config;
        this.events = events;
        this.welcomeMessage = config.welcomeMessage();
        this.serverName = config.serverName();
        this.socket = new ServerSocket(config, counters);
        this.slots = new ClientChannel[config.maxClients()];
        this.active = new ClientChannel[slots.length];
        this.senders = new SenderTable(slots.length);
        this.periodNanos = config.frameSamples() * 1_000_000_000L / 48000;
        this.audio = new AudioTick(config, counters, socket::newSendBatch);
        this.protocol = new ProtocolHandler(this, counters);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ClientChannel(i, slots.length);
            slots[i].link = protocol.newLink(slots[i]);
        }
        this.eventThread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("server-events").unstarted(r));
        this.thread = Thread.ofPlatform().name("server-engine").unstarted(
                new EngineSupervisor(this::run, () -> running, counters, this::rebuildActive, this::failed));
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Binds the socket and starts the engine thread. */
    public static ServerEngine start(ServerConfig config, ServerEvents events) throws IOException {
        ServerEngine engine = new ServerEngine(config, events == null ? new ServerEvents() { } : events);
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
        return welcomeMessage;
    }

    public void setWelcomeMessage(String text) {
        welcomeMessage = text == null ? "" : text;
    }

    public String serverName() {
        return serverName;
    }

    public void setServerName(String name) {
        serverName = name == null ? "" : name;
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
            for (int i = 0; i < activeCount; i++) {
                ClientChannel c = active[i];
                list.add(new ClientSnapshot(c.id, AddressText.format(c.address),
                        c.info, c.jitterFrames(), c.props == null ? 0 : c.audioChannels, c.props, c.jitterCounters()));
            }
            return list;
        });
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
            if (id < 0 || id >= slots.length || !slots[id].connected) {
                return false;
            }
            queue(slots[id], new ConnectedMessage.ChatText(text), System.nanoTime());
            return true;
        });
    }

    /** Sends connection-less messages through the server's socket (for the directory components; engine thread). */
    public ClmSink clmSink() {
        return protocol::sendForDirectory; // its answers to requests pass the global anti-amplification budget
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
            commands.add(() -> protocol.sendRecorderStateToAll(nowNs));
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

    // ------------------------------------------------------------------ engine thread

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            if (activeCount == 0) {
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
            nowNs = now;
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
        nowNs = System.nanoTime();
        runCommands();
        drainSocket(nowNs);
        roles.poll(nowNs);
    }

    /** Offers a CLM to the directory role first; true when it consumed it. */
    boolean offerToDirectory(ConnectionlessMessage message, InetSocketAddress from, long now) {
        return roles.offer(message, from, now);
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
        ClientChannel known = senders.find(raw, i);
        switch (DatagramKind.classify(rx, 0, len)) {
            case AUDIO -> onAudio(raw, i, known, len, nowNs);
            case CONNECTED -> {
                if (known != null) {
                    protocol.onConnected(known, rx, len, nowNs);
                }
            }
            case CONNECTIONLESS -> protocol.onConnectionless(known != null ? known.address : raw.sender(i).address(),
                    known, rx, len, nowNs);
        }
    }

    private void onAudio(BatchUdpSocket raw, int i, ClientChannel c, int len, long nowNs) {
        if (c == null) {
            if (!AudioPacketSizes.isPlausibleAudio(len)) {
                counters.garbageDatagrams++;
                return;
            }
            UdpEndpoint from = raw.sender(i);
            c = lowestFreeSlot();
            if (c == null) {
                protocol.serverFull(from.address(), nowNs);
                return;
            }
            connect(c, from, nowNs);
        }
        counters.audioPacketsIn++;
        c.timeoutSamples = ClientChannel.TIMEOUT_SAMPLES;
        if (c.props == null || len != c.props.packetBytes()) {
            counters.wrongSizeAudio++;
            return;
        }
        int frameBytes = c.props.baseNetworkFrameBytes();
        int coded = c.props.codedBytes();
        boolean sequenced = c.props.withSequenceNumber();
        long arrivalNs = System.nanoTime();
        for (int k = 0; k < c.props.blockFactor(); k++) {
            int at = k * frameBytes;
            int seq = sequenced ? rx[at + coded] & 0xFF : 0;
            if (!c.jitter.put(rx, at, coded, seq, arrivalNs)) {
                counters.jitterOverruns++;
            }
        }
    }

    private void connect(ClientChannel c, UdpEndpoint from, long nowNs) {
        c.open(from);
        for (ClientChannel other : slots) {
            other.gains[c.id] = ClientChannel.UNITY_GAIN;
            other.pans[c.id] = ClientChannel.CENTRE_PAN;
            other.recomputeDefaultMix();
        }
        rebuildActive();
        protocol.onNewConnection(c, nowNs);
        int count = activeCount;
        String ip = AddressText.host(from.address().getAddress()); // QHostAddress::toString, as Jamulus logs it
        eventThread.execute(() -> events.clientConnected(c.id, ip, count));
        emitListChanged();
    }

    private void disconnect(ClientChannel c, long nowNs) {
        int id = c.id;
        c.close();
        rebuildActive();
        protocol.sendClientListToAll(nowNs);
        eventThread.execute(() -> events.clientDisconnected(id));
        roles.channelGone(id, activeCount == 0);
        if (activeCount == 0) {
            eventThread.execute(events::serverIdle);
        }
    }

    private void tick(long nowNs) {
        int n = config.frameSamples();
        for (int i = activeCount - 1; i >= 0; i--) {
            ClientChannel c = active[i];
            c.timeoutSamples -= n;
            if (c.timeoutSamples <= 0 || c.disconnectRequested) {
                disconnect(c, nowNs);
            }
        }
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

    // ------------------------------------------------------------------ helpers for the protocol handler

    private ClientChannel lowestFreeSlot() {
        for (ClientChannel c : slots) {
            if (!c.connected) {
                return c;
            }
        }
        return null;
    }

    private void rebuildActive() {
        activeCount = 0;
        for (ClientChannel c : slots) {
            if (c.connected) {
                active[activeCount++] = c;
            }
        }
        senders.rebuild(active, activeCount);
    }

    ClientChannel[] active() {
        return active;
    }

    int activeCount() {
        return activeCount;
    }

    ClientChannel slot(int id) {
        return id >= 0 && id < slots.length ? slots[id] : null;
    }

    void queue(ClientChannel c, ConnectedMessage message, long nowNs) {
        if (!c.link.send(message, nowNs)) {
            counters.controlMessagesDropped++; // a client that stopped ACKing
        }
    }

    /** The time of the tick (or datagram) being processed, for code called back from the reliable channel. */
    long nowNs() {
        return nowNs;
    }

    void sendFrame(InetSocketAddress to, byte[] frame) {
        socket.send(to, frame, 0, frame.length);
    }

    void sendFrame(UdpEndpoint to, byte[] frame) {
        socket.send(to, frame, 0, frame.length);
    }

    void sendFrame(UdpEndpoint to, byte[] frame, int offset, int length) {
        socket.send(to, frame, offset, length);
    }

    void emitChat(int senderId, String html) {
        eventThread.execute(() -> events.chatSent(senderId, html));
    }

    void emitListChanged() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < activeCount; i++) {
            names.add(active[i].info.name());
        }
        eventThread.execute(() -> events.clientListChanged(names));
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
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The supervisor gave up (engine thread): stop, free what can be freed, and tell the embedder. */
    private void failed(Throwable cause) {
        running = false;
        try {
            shutdown();
        } catch (Throwable e) {
            socket.close(); // at least release the port
        }
        eventThread.execute(() -> events.engineFailed(cause));
    }

    private void shutdown() {
        roles.shutdown();
        if (config.disconnectOnQuit()) {
            byte[] frame = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
            for (int i = 0; i < activeCount; i++) {
                sendFrame(active[i].endpoint, frame);
            }
        }
        for (ClientChannel c : slots) {
            c.close();
        }
        audio.close();
        activeCount = 0;
        socket.close();
    }
}
