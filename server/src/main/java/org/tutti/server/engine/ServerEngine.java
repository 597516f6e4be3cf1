package org.tutti.server.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
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
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.MessageCodec;

/**
 * The Tutti server engine: one thread owns the UDP socket and every client's state. It runs a deadline clock
 * (absolute next tick, park until it), and per tick drains the socket, applies queued commands, decodes, mixes,
 * encodes and sends. Other threads talk to it only through {@link #call}, which queues a command and waits.
 * While no client is connected the thread sleeps on the socket instead of ticking.
 */
public final class ServerEngine implements AutoCloseable {
    private static final int MAX_DATAGRAMS_PER_TICK = 4096;
    /** Level lists go out every 201 × 64 samples, about 269 ms (doc §6.5). */
    private static final int LEVEL_INTERVAL_SAMPLES = 201 * 64;

    private final ServerConfig config;
    private final DatagramChannel socket;
    private final Selector selector;
    private final ClientChannel[] slots;
    private final ClientChannel[] active;
    private int activeCount;
    private final EngineCounters counters = new EngineCounters();
    private final SharedSums sums;
    private final AudioPath[] audioPaths;
    private final ParallelPhases phases;
    private final ParallelPhases.RangeTask decodeTask = this::decodeRange;
    private final ParallelPhases.RangeTask mixTask = this::mixRange;
    private boolean anyDefaultMix;
    private final ProtocolHandler protocol;
    private final ServerEvents events;
    private final ExecutorService eventThread;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final byte[] rx = new byte[20001];
    private final ByteBuffer rxBuffer = ByteBuffer.wrap(rx);
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String welcomeMessage;
    private volatile String serverName;
    private int levelSamples;
    private long nowNs;

    private ServerEngine(ServerConfig config, ServerEvents events) throws IOException {
        this.config = config;
        this.events = events;
        this.welcomeMessage = config.welcomeMessage();
        this.serverName = config.serverName();
        InetAddress bind = config.bindAddress();
        this.socket = bind instanceof java.net.Inet4Address ? DatagramChannel.open(StandardProtocolFamily.INET)
                : DatagramChannel.open();
        socket.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        socket.setOption(StandardSocketOptions.IP_TOS, config.qosTos());
        socket.bind(new InetSocketAddress(bind, config.port()));
        socket.configureBlocking(false);
        this.selector = Selector.open();
        socket.register(selector, SelectionKey.OP_READ);
        this.slots = new ClientChannel[config.maxClients()];
        this.active = new ClientChannel[slots.length];
        this.periodNanos = config.frameSamples() * 1_000_000_000L / 48000;
        int threads = config.multithreading() ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        this.sums = new SharedSums(config.frameSamples());
        this.audioPaths = new AudioPath[threads];
        for (int i = 0; i < threads; i++) {
            audioPaths[i] = new AudioPath(config.frameSamples(), config.delayPan(), counters, this::sendAudio, sums);
        }
        this.phases = threads > 1 ? new ParallelPhases(threads) : null;
        this.protocol = new ProtocolHandler(this, counters);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ClientChannel(i, slots.length);
            slots[i].link = protocol.newLink(slots[i]);
        }
        this.eventThread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("server-events").unstarted(r));
        this.thread = Thread.ofPlatform().name("server-engine").unstarted(this::run);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Binds the socket and starts the engine thread. */
    public static ServerEngine start(ServerConfig config, ServerEvents events) throws IOException {
        ServerEngine engine = new ServerEngine(config, events == null ? new ServerEvents() { } : events);
        engine.thread.start();
        return engine;
    }

    public int port() {
        try {
            return ((InetSocketAddress) socket.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
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
        selector.wakeup();
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
                list.add(new ClientSnapshot(c.id, c.address.getAddress().getHostAddress() + ":" + c.address.getPort(),
                        c.info, c.jitterFrames(), c.props == null ? 0 : c.audioChannels, c.props));
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
                if (now - nextTick > 4 * periodNanos) {
                    nextTick = now; // too far behind to catch up: restart the clock
                }
            }
            nowNs = now;
            runCommands();
            drainSocket(now);
            tick(now);
            nextTick += periodNanos;
            long took = System.nanoTime() - now;
            if (took > counters.maxTickNanos) {
                counters.maxTickNanos = took;
            }
        }
        shutdown();
    }

    private void idleWait() {
        try {
            selector.select(100);
            selector.selectedKeys().clear();
        } catch (IOException e) {
            LockSupport.parkNanos(10_000_000L);
        }
        nowNs = System.nanoTime();
        runCommands();
        drainSocket(nowNs);
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void drainSocket(long nowNs) {
        for (int i = 0; i < MAX_DATAGRAMS_PER_TICK; i++) {
            rxBuffer.clear();
            SocketAddress from;
            try {
                from = socket.receive(rxBuffer);
            } catch (IOException e) {
                continue; // e.g. ICMP port unreachable reported on the socket
            }
            if (from == null) {
                return;
            }
            counters.packetsIn++;
            dispatch((InetSocketAddress) from, rxBuffer.position(), nowNs);
        }
    }

    private void dispatch(InetSocketAddress from, int len, long nowNs) {
        ClientChannel known = find(from);
        switch (DatagramKind.classify(rx, 0, len)) {
            case AUDIO -> onAudio(from, known, len, nowNs);
            case CONNECTED -> {
                if (known != null) {
                    protocol.onConnected(known, rx, len, nowNs);
                }
            }
            case CONNECTIONLESS -> protocol.onConnectionless(from, known, rx, len, nowNs);
        }
    }

    private void onAudio(InetSocketAddress from, ClientChannel c, int len, long nowNs) {
        if (c == null) {
            if (!AudioPacketSizes.isPlausibleAudio(len)) {
                counters.garbageDatagrams++;
                return;
            }
            c = lowestFreeSlot();
            if (c == null) {
                protocol.serverFull(from, nowNs);
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

    private void connect(ClientChannel c, InetSocketAddress from, long nowNs) {
        c.open(from);
        for (ClientChannel other : slots) {
            other.gains[c.id] = ClientChannel.UNITY_GAIN;
            other.pans[c.id] = ClientChannel.CENTRE_PAN;
            other.recomputeDefaultMix();
        }
        rebuildActive();
        protocol.onNewConnection(c, nowNs);
        int count = activeCount;
        String ip = from.getAddress().getHostAddress();
        eventThread.execute(() -> events.clientConnected(c.id, ip, count));
        emitListChanged();
    }

    private void disconnect(ClientChannel c, long nowNs) {
        int id = c.id;
        c.close();
        rebuildActive();
        protocol.sendClientListToAll(nowNs);
        eventThread.execute(() -> events.clientDisconnected(id));
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
        runPhase(decodeTask);
        boolean anyDefault = false;
        for (int i = 0; i < activeCount; i++) {
            ClientChannel c = active[i];
            if (c.identified) {
                c.fadeInSamples += n;
            }
            anyDefault |= c.defaultMix && c.receivesAudio();
        }
        levelSamples += n;
        if (levelSamples >= LEVEL_INTERVAL_SAMPLES) {
            levelSamples -= LEVEL_INTERVAL_SAMPLES;
            protocol.sendLevels();
        }
        anyDefaultMix = anyDefault;
        if (anyDefault) {
            sums.prepare(active, activeCount);
        }
        runPhase(mixTask);
        for (int i = 0; i < activeCount; i++) {
            if (config.delayPan()) {
                active[i].rememberHistory(n);
            }
            active[i].link.poll(nowNs);
        }
        counters.ticks++;
    }

    private void runPhase(ParallelPhases.RangeTask task) {
        if (phases != null) {
            phases.run(task, activeCount);
        } else {
            task.run(0, 0, activeCount);
        }
    }

    private void decodeRange(int worker, int from, int to) {
        for (int i = from; i < to; i++) {
            audioPaths[worker].decode(active[i]);
        }
    }

    private void mixRange(int worker, int from, int to) {
        for (int i = from; i < to; i++) {
            ClientChannel c = active[i];
            if (c.receivesAudio()) {
                audioPaths[worker].mixEncodeSend(c, active, activeCount, anyDefaultMix);
            }
        }
    }

    // ------------------------------------------------------------------ helpers for the protocol handler

    ClientChannel find(InetSocketAddress from) {
        for (int i = 0; i < activeCount; i++) {
            if (active[i].address.equals(from)) {
                return active[i];
            }
        }
        return null;
    }

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
        c.link.send(message, nowNs);
    }

    /** The time of the tick (or datagram) being processed, for code called back from the reliable channel. */
    long nowNs() {
        return nowNs;
    }

    void sendFrame(InetSocketAddress to, byte[] frame) {
        sendFrame(to, frame, 0, frame.length);
    }

    void sendFrame(InetSocketAddress to, byte[] frame, int offset, int length) {
        if (to == null) {
            return;
        }
        try {
            socket.send(ByteBuffer.wrap(frame, offset, length), to);
            counters.packetsOut++;
        } catch (IOException e) {
            counters.sendErrors++;
        }
    }

    private void sendAudio(ClientChannel to, byte[] packet, int length) {
        ByteBuffer b = to.packetBuffer;
        b.clear().limit(length);
        try {
            socket.send(b, to.address);
            counters.packetsOut++;
        } catch (IOException e) {
            counters.sendErrors++;
        }
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
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (phases != null) {
            phases.close();
        }
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown() {
        if (config.disconnectOnQuit()) {
            byte[] frame = MessageCodec.encodeFrame(new ConnectionlessMessage.Disconnection(), 0);
            for (int i = 0; i < activeCount; i++) {
                sendFrame(active[i].address, frame);
            }
        }
        for (ClientChannel c : slots) {
            c.close();
        }
        activeCount = 0;
        try {
            selector.close();
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
