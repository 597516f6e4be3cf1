package org.tutti.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioBackends;
import org.tutti.backend.BackendChoice;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiTarget;
import org.tutti.client.model.MixerModel;
import org.tutti.client.session.LobbyAnswerer;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.settings.SettingsStore;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.StringLimits;
import org.tutti.rpc.JsonRpcServer;

/**
 * The client without a window ({@code -n}): {@code tutti -n -c HOST[:PORT] --clientname NAME [-M] [--mutemyown] [-j]
 * [--jsonrpcport P --jsonrpcsecretfile F] [--audiobackend B] [--audiodevice D]}. Audio goes through the backend
 * asked for, else the first available one ({@link BackendChoice#AUTO_ORDER}); the
 * musician's profile comes from the settings file, with {@code --clientname} as the name when given.
 */
public final class HeadlessClient implements AutoCloseable {
    private final ClientEngine engine;
    private final JsonRpcServer rpc;
    private final ClientRpc clientRpc;
    private final MidiSession midi;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed; // guarded by this

    private HeadlessClient(ClientEngine engine, JsonRpcServer rpc, ClientRpc clientRpc, MidiSession midi) {
        this.clientRpc = clientRpc;
        this.midi = midi;
        this.engine = engine;
        this.rpc = rpc;
    }

    /** Runs until the process is asked to stop; returns the exit code. */
    public static int run(ParsedOptions options, PrintStream out, PrintStream err) {
        // Registered before the audio device opens: a SIGTERM while connecting must close it too.
        AtomicReference<HeadlessClient> created = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            HeadlessClient c = created.get();
            if (c != null) {
                c.close();
            }
        }, "client-shutdown"));
        HeadlessClient client;
        try {
            client = start(options, out, err, created::set);
        } catch (UsageException e) {
            err.println("tutti: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("tutti: " + e.getMessage());
            return 1;
        }
        client.awaitStop();
        return 0;
    }

    /** Starts the client (used by {@link #run} and by tests that embed it). */
    public static HeadlessClient start(ParsedOptions options, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        return start(options, out, err, c -> { });
    }

    // created sees the client before it connects, so a shutdown hook can close a client still connecting.
    private static HeadlessClient start(ParsedOptions options, PrintStream out, PrintStream err,
                                        Consumer<HeadlessClient> created) throws UsageException, IOException {
        ClientCommandLine commandLine = ClientCommandLine.from(options);
        SettingsStore store = commandLine.settingsStore();
        SettingsStore.Loaded loaded = store.load();
        if (loaded.hadProblem()) {
            err.println("tutti: " + loaded.problem());
        }
        ClientSettings settings = loaded.settings();
        String device = options.has("audiodevice") ? options.value("audiodevice", "")
                : settings.audio.device;
        AudioBackendProvider backend = chooseBackend(options.value("audiobackend", ""), device, settings);
        String name = !settings.profile.name.isBlank() ? settings.profile.name : "Tutti";
        ChannelInfo profile = new ChannelInfo(Math.max(0, Math.min(261, settings.profile.country)),
                settings.profile.instrument, Math.max(0, Math.min(3, settings.profile.skill)),
                StringLimits.truncate(name, StringLimits.NAME), StringLimits.truncate(settings.profile.city, StringLimits.CITY));
        // Without -p the headless client takes any free port (the settings' port is the desktop's).
        ClientOptions clientOptions = commandLine.applyTo(new ClientOptions(backend, "Tutti",
                device.isBlank() ? null : device, settings.audio.bufferFrames, settings.audio.autoConnect, profile,
                settings.audio.opusQuality(), settings.audio.channelMode(), settings.audio.smallNetworkBuffers,
                false, false, 0));
        profile = clientOptions.profile();

        List<ClientListener> listeners = new ArrayList<>(List.of(new ConsoleListener(out)));
        HeadlessLobby lobby = new HeadlessLobby(out, options.has("connect")
                ? LobbyAnswerer.storedPassword(settings, options.value("connect", "")) : null);
        listeners.add(lobby);
        ClientRpc clientRpc = null;
        JsonRpcServer rpc = RpcOptions.open(options);
        if (rpc != null) {
            clientRpc = new ClientRpc(rpc);
            listeners.add(clientRpc);
            out.println(RpcOptions.listening(rpc));
        }
        ClientEngine engine = new ClientEngine(clientOptions, new ListenerFanout(listeners));
        lobby.bind(engine);
        engine.mixer(m -> m.loadStoredSettings(settings.faders));
        int newClientLevel = settings.mixer.newClientLevel;
        engine.mixer(m -> m.setNewClientLevel(newClientLevel));
        engine.setInputBoost(settings.audio.inputBoost);
        engine.setInputPan(settings.audio.inputPan);
        engine.setJitterBuffer(settings.audio.jitterAuto, settings.audio.jitterLocal);
        engine.setServerJitterBuffer(settings.audio.serverJitterAuto, settings.audio.jitterServer);
        engine.setChannelMapping(settings.audio.channelMapping());
        engine.setSplit(settings.split.engineChannels(profile.name())); // several inputs as separate channels (-i FILE)
        if (clientRpc != null) {
            clientRpc.bind(ClientControl.of(engine, settings.recording.folderOrDefault()));
            rpc.start();
        }
        MidiSession midi = new MidiSession(JackBackendProvider.NAME.equals(backend.name()) ? clientOptions.audioDevice()
                : null, clientOptions.audioClientName() + " MIDI", new MidiTarget() {
                    @Override
                    public void mixer(Consumer<MixerModel> change) {
                        engine.mixer(change);
                    }

                    @Override
                    public void muteMyselfFromMidi(boolean muted) {
                        engine.setMuteMyself(muted);
                    }
                });
        HeadlessClient client = new HeadlessClient(engine, rpc, clientRpc, midi);
        created.accept(client);
        if (commandLine.midi() != null) {
            try {
                midi.use(commandLine.midi());
                out.println("- MIDI: " + midi.description() + " (--ctrlmidich " + commandLine.midi().spec() + ")");
            } catch (IOException e) {
                err.println("tutti: warning: no MIDI control: " + e.getMessage()); // Jamulus too plays on without
            }
        }
        if (clientRpc != null) {
            clientRpc.attachMidi(midi);
        }
        out.println("- audio: " + backend.name() + ", musician name: " + profile.name());
        if (options.has("connect")) {
            String address = options.value("connect", "");
            out.println("- connecting to " + address);
            try {
                engine.connect(address).get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                client.close();
                throw new IOException("cannot connect to " + address + ": " + e.getCause().getMessage(), e.getCause());
            } catch (Exception e) {
                client.close();
                throw new IOException("cannot connect to " + address + ": " + e, e);
            }
        }
        return client;
    }

    // --audiobackend must work as asked; a backend from the settings is a preference with the usual fallbacks.
    private static AudioBackendProvider chooseBackend(String commandLine, String deviceName, ClientSettings settings)
            throws IOException, UsageException {
        String device = deviceName.isBlank() ? null : deviceName;
        if (!commandLine.isBlank()) {
            if (!BackendChoice.isInstalled(commandLine)) {
                throw new UsageException("unknown audio backend '" + commandLine + "' (installed: "
                        + BackendChoice.installedNames() + ")");
            }
            try {
                return BackendChoice.choose(commandLine, device);
            } catch (AudioBackendException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        List<String> order = BackendChoice.AUTO_ORDER;
        Optional<AudioBackendProvider> p = AudioBackends.choose(settings.audio.backend.isBlank() ? null
                : settings.audio.backend, device, order);
        if (p.isEmpty()) {
            StringBuilder why = new StringBuilder("no audio device is available:");
            for (AudioBackendProvider b : AudioBackends.all()) {
                if (order.contains(b.name())) {
                    why.append(' ').append(b.name()).append(": ").append(b.unavailableReason(device)).append('.');
                }
            }
            throw new IOException(why.toString());
        }
        return p.get();
    }

    public ClientEngine engine() {
        return engine;
    }

    /** The JSON-RPC port, or -1 without JSON-RPC. */
    public int rpcPort() {
        return rpc == null ? -1 : rpc.port();
    }

    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Leaves the server (CLM_DISCONNECTION), stops audio and JSON-RPC. Returns once the audio device is closed, so
     * the shutdown hook holds the JVM until no audio thread is left inside it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return; // a second caller (hook, failed start) has waited for the first to finish
        }
        closed = true;
        midi.close();
        engine.close();
        if (clientRpc != null) {
            clientRpc.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        stopped.countDown();
    }
}
