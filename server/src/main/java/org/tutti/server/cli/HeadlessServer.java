package org.tutti.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.tutti.Version;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.rpc.JsonRpcSecret;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.directory.DirectoryRole;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.BanFile;
import org.tutti.server.engine.HtmlStatusFile;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.engine.ServerLog;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMapper;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.server.rpc.ServerRpc;

/**
 * The server without a window ({@code -s -n}): engine, optional JSON-RPC, log file and HTML status file. Stops
 * cleanly on SIGINT/SIGTERM (with {@code -d} every client is told with CLM_DISCONNECTION).
 */
public final class HeadlessServer implements AutoCloseable {
    /** Exit status when the engine gave up after repeated failures (EX_SOFTWARE). */
    public static final int EXIT_ENGINE_FAILED = 70;

    /** JSON-RPC settings; {@code port} < 0 means off. */
    public record RpcSettings(int port, Path secretFile, InetAddress bindAddress) {
    }

    /** Tests shorten the router lease with this system property (seconds) to see renewals happen. */
    static final String LEASE_PROPERTY = "tutti.portMappingLeaseSeconds";

    private final ServerEngine engine;
    private final JsonRpcServer rpc;
    private final HtmlStatusFile html;
    private final PortMapper portMapper;
    private final AddressWatch addressWatch;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private HeadlessServer(ServerEngine engine, JsonRpcServer rpc, HtmlStatusFile html, PortMapper portMapper,
                           AddressWatch addressWatch) {
        this.engine = engine;
        this.rpc = rpc;
        this.html = html;
        this.portMapper = portMapper;
        this.addressWatch = addressWatch;
    }

    /** How often the address to share is looked at (the router's and the directory's view are both in memory). */
    static final Duration ADDRESS_WATCH_PERIOD = Duration.ofSeconds(1);

    /** Runs until the process is asked to stop; returns the exit code. */
    public static int run(ParsedOptions options, PrintStream out, PrintStream err) {
        return run(options, out, err, server -> { });
    }

    /**
     * As {@link #run(ParsedOptions, PrintStream, PrintStream)}, calling {@code started} once the server runs (the
     * launcher opens the server window there; closing it calls {@link #close}).
     */
    public static int run(ParsedOptions options, PrintStream out, PrintStream err,
                          Consumer<HeadlessServer> started) {
        HeadlessServer server;
        try {
            for (String option : ServerOptions.unsupportedGiven(options)) {
                out.println("- option --" + option + " is not yet supported; ignored");
            }
            server = start(ServerOptions.toConfig(options), rpcSettings(options), out, options);
        } catch (UsageException e) {
            err.println("tutti: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("tutti: cannot start the server: " + e.getMessage());
            return 1;
        }
        stopOnSignals(server);
        started.accept(server);
        server.awaitStop();
        return 0;
    }

    /**
     * SIGINT and SIGTERM stop the server and let {@link #run} return 0, like Jamulus. The JDK's signal API is
     * unsupported but present everywhere Tutti runs; a shutdown hook covers the rest (exit code 143 then).
     */
    @SuppressWarnings("restriction")
    private static void stopOnSignals(HeadlessServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "server-shutdown"));
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> server.close());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // signal not available here: the shutdown hook still stops the server
            }
        }
        // Jamulus: SIGUSR1 starts a new recording session, SIGUSR2 toggles recording. The JVM may reserve one.
        JamRecorder recorder = server.engine.recorder();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("USR1"), signal -> recorder.newSession());
            sun.misc.Signal.handle(new sun.misc.Signal("USR2"), signal -> recorder.toggle());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // not available: JSON-RPC start/stop/restartRecording still work
        }
    }

    /** Starts a server without directory options (for tests and embedding). */
    public static HeadlessServer start(ServerConfig config, RpcSettings rpcSettings, PrintStream out) throws IOException {
        try {
            return start(config, rpcSettings, out, null);
        } catch (UsageException e) {
            throw new IllegalStateException("no directory options given, yet: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a server; {@code options} (may be null) supply the directory role: {@code -e} to register with a
     * directory or to be one ({@code -e localhost}), with {@code -o}, {@code --serverpublicip},
     * {@code --directoryfile} and {@code -f}.
     */
    public static HeadlessServer start(ServerConfig config, RpcSettings rpcSettings, PrintStream out,
                                       ParsedOptions options) throws IOException, UsageException {
        // Read first: a bad --portmapping value stops the server before it opens any socket.
        boolean mapPort = options != null && ServerOptions.portMapping(options);
        String password = options == null ? null : ServerOptions.password(options);
        int[] metronome = options == null ? null : ServerOptions.metronome(options);
        ServerLog log = new ServerLog(config.logFile());
        HtmlStatusFile html = config.htmlStatusFile() == null ? null : new HtmlStatusFile(config.htmlStatusFile());
        JsonRpcServer rpc = null;
        ServerRpc methods = null;
        if (rpcSettings != null && rpcSettings.port() >= 0) {
            String secret = JsonRpcSecret.load(rpcSettings.secretFile());
            InetAddress bind = rpcSettings.bindAddress() != null ? rpcSettings.bindAddress() : InetAddress.getLoopbackAddress();
            rpc = new JsonRpcServer(bind, rpcSettings.port(), secret);
            methods = new ServerRpc(rpc);
        }
        ServerEvents rpcEvents = methods != null ? methods.events() : new ServerEvents() { };
        Path banFile = options == null ? null : ServerOptions.banFile(options);
        List<Ban> savedBans = banFile == null ? List.of()
                : BanFile.read(banFile, Instant.now(), problem -> out.println("- ban file " + banFile + ": " + problem + "; skipped"));
        ServerEvents events = new ServerEvents() {
            @Override
            public void clientConnected(int id, String ip, int connectedCount) {
                log.connected(ip, connectedCount);
                rpcEvents.clientConnected(id, ip, connectedCount);
            }

            @Override
            public void clientDisconnected(int id) {
                rpcEvents.clientDisconnected(id);
            }

            @Override
            public void clientListChanged(List<String> names) {
                if (html != null) {
                    html.write(names);
                }
            }

            @Override
            public void chatSent(int senderId, String text) {
                rpcEvents.chatSent(senderId, text);
            }

            @Override
            public void bansChanged(List<Ban> bans) {
                if (banFile == null) {
                    return;
                }
                try { // on server-events, never on the engine thread
                    BanFile.write(banFile, bans);
                } catch (IOException e) {
                    System.err.println("tutti: cannot write the ban file " + banFile + ": " + e.getMessage());
                }
            }

            @Override
            public void serverIdle() {
                log.idling();
            }

            @Override
            public void engineFailed(Throwable cause) {
                // A deaf server must not look alive: exit non-zero so systemd (Restart=on-failure) restarts it.
                System.err.println("tutti: the server engine failed repeatedly (" + cause + "); exiting");
                System.exit(EXIT_ENGINE_FAILED);
            }
        };
        ServerEngine engine;
        try {
            engine = ServerEngine.start(config, events, savedBans, password);
        } catch (IOException e) {
            if (rpc != null) {
                rpc.close();
            }
            throw e;
        }
        if (password != null) {
            out.println("- private session: newcomers wait in the lobby until they type the password in the chat");
        }
        if (!savedBans.isEmpty()) {
            out.println("- " + savedBans.size() + " ban(s) from " + banFile);
        }
        // The recorder always exists so JSON-RPC setRecordingDirectory can initialise it later, as in Jamulus.
        Path recordingDir = options != null && options.has("recording") ? Path.of(options.value("recording", "")) : null;
        JamRecorder recorder = new JamRecorder(recordingDir, options == null || !options.has("norecord"),
                config.frameSamples(), Clock.systemUTC());
        engine.hostRecorder(recorder);
        if (recordingDir != null) {
            out.println("- recording to " + recordingDir + (recorder.isRecording() ? "" : " (not enabled)"));
        }
        if (options != null) {
            try {
                DirectoryRole role = DirectoryRole.fromOptions(options, engine.port(), config.maxClients(),
                        engine.clmSink(), ServerEngine.nowMs());
                engine.hostDirectory(role);
                if (!role.directoryText().isEmpty()) {
                    out.println("- directory: " + (role.directory() != null ? "this server is a directory"
                            : "registering with " + role.directoryText()));
                }
            } catch (UsageException | RuntimeException e) {
                engine.close();
                if (rpc != null) {
                    rpc.close();
                }
                throw e;
            }
        }
        if (options != null && options.has("chatcommands")) {
            engine.allowChatCommands(true);
        }
        if (metronome != null) {
            MetronomeSettings m = engine.setMetronome(true, metronome[0], metronome[1]);
            out.println("- metronome: " + m.bpm() + " bpm, " + m.beatsPerBar() + " beats per bar, channel ID "
                    + m.channelId());
        }
        if (html != null) {
            html.write(List.of());
        }
        if (rpc != null) {
            methods.attach(engine);
            rpc.start();
            out.println("- JSON-RPC: server started on " + rpc.bindAddress().getHostAddress() + ":" + rpc.port());
        }
        out.println("- Tutti " + Version.version() + " server on UDP port " + engine.port() + ", up to "
                + config.maxClients() + " clients, " + config.frameSamples() + "-sample frames");
        PortMapper portMapper = mapPort
                ? PortMapper.start(engine.port(), config.bindAddress(), lease(),
                        status -> out.println("- port mapping: " + status.describe()))
                : null;
        java.util.function.Supplier<PortMappingStatus> mapping = portMapper == null
                ? () -> PortMappingStatus.off(engine.port()) : portMapper::status;
        // Logs the address to give friends, and when it changes re-registers from the new one at once.
        AddressWatch addressWatch = AddressWatch.start(ADDRESS_WATCH_PERIOD, mapping, engine::addressSeenByDirectory,
                update -> out.println("- " + update.describe()), engine::reRegister);
        if (methods != null) {
            methods.showPortMapping(mapping);
            methods.showSharedAddress(addressWatch::last);
        }
        return new HeadlessServer(engine, rpc, html, portMapper, addressWatch);
    }

    private static Duration lease() {
        try {
            long seconds = Long.parseLong(System.getProperty(LEASE_PROPERTY, "0"));
            return seconds > 0 ? Duration.ofSeconds(seconds) : PortMapper.DEFAULT_LEASE;
        } catch (NumberFormatException e) {
            return PortMapper.DEFAULT_LEASE;
        }
    }

    static RpcSettings rpcSettings(ParsedOptions o) throws UsageException {
        if (!o.has("jsonrpcport")) {
            return null;
        }
        int port = o.intValue("jsonrpcport", -1, 0, 65535);
        if (!o.has("jsonrpcsecretfile")) {
            throw new UsageException("--jsonrpcport needs --jsonrpcsecretfile");
        }
        InetAddress bind = null;
        if (o.has("jsonrpcbindip")) {
            try {
                bind = InetAddress.ofLiteral(o.value("jsonrpcbindip", ""));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--jsonrpcbindip needs an IP address");
            }
        }
        return new RpcSettings(port, Path.of(o.value("jsonrpcsecretfile", "")), bind);
    }

    public int udpPort() {
        return engine.port();
    }

    /** The JSON-RPC port, or -1 when JSON-RPC is off. */
    public int rpcPort() {
        return rpc == null ? -1 : rpc.port();
    }

    /** What port mapping achieved; {@code off} when {@code --portmapping} is not on. */
    public PortMappingStatus portMapping() {
        return portMapper == null ? PortMappingStatus.off(engine.port()) : portMapper.status();
    }

    /** The address to give friends and where it was learnt, or null while unknown. */
    public AddressWatch.Update sharedAddress() {
        return addressWatch.last();
    }

    public ServerEngine engine() {
        return engine;
    }

    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        addressWatch.close();
        if (portMapper != null) {
            portMapper.close(); // first: the router forgets the port while this server still owns it
        }
        if (rpc != null) {
            rpc.close();
        }
        engine.close();
        if (engine.recorder() != null) {
            engine.recorder().close(); // ends the session, writes the indexes
        }
        if (html != null) {
            html.serverTerminated();
        }
        stopped.countDown();
    }
}
