package org.tutti.client.fidelity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tutti.interop.DummyJack;
import org.tutti.interop.FreePorts;
import org.tutti.interop.JackRecorder;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.interop.ToneFidelity;
import org.tutti.client.interop.JackTone;

/**
 * One fidelity measurement as a band would hear it, over several paths at the same time: musician A plays a 241 Hz
 * sine (0.2 of full scale, on both inputs) into clients on one dummy jackd — the real Jamulus
 * 3.9.1 client or Tutti's headless client, each connected to its own server, the real Jamulus server or Tutti's (so
 * that every server carries exactly one player and one listener). On a second dummy jackd, one real Jamulus client per
 * server (musician B) listens; their left outputs are recorded by one jack_rec, so every path is judged over the same
 * seconds, under the same machine load and the same hiccups of the shared jackds, and analysed
 * ({@link ToneFidelity}). Tutti's server and client run from the packaged jar, all as separate processes.
 */
final class FidelityRig {
    static final Path JAR = Path.of("target", "tutti.jar");
    /**
     * Not jack_simple_client's 240 Hz: its 200-sample period lines up with 64-sample frames in one of a few ways, fixed
     * when a stream starts, and OPUS64's SNR then sits at 33.4 or 34.0 dB by that chance alone, whatever the server or
     * client. 241 Hz goes through every alignment within a second.
     */
    static final double TONE_HZ = 241;
    static final float TONE_AMPLITUDE = 0.2f;

    /** Stream settings, the same for every client of a run. */
    enum SetUp {
        MONO_NORMAL(128, 0, 1, false, "MONO", "NORMAL"),
        STEREO_HIGH(128, 2, 2, false, "STEREO", "HIGH"),
        /** Small network buffers at a 64-sample period, on servers started with -F. */
        OPUS64(64, 0, 1, true, "MONO", "NORMAL");

        final int periodSamples;
        final int jamulusChannels;
        final int jamulusQuality;
        final boolean small;
        final String tuttiChannels;
        final String tuttiQuality;

        SetUp(int periodSamples, int jamulusChannels, int jamulusQuality, boolean small, String tuttiChannels,
              String tuttiQuality) {
            this.periodSamples = periodSamples;
            this.jamulusChannels = jamulusChannels;
            this.jamulusQuality = jamulusQuality;
            this.small = small;
            this.tuttiChannels = tuttiChannels;
            this.tuttiQuality = tuttiQuality;
        }

        Map<String, String> jamulusIni() {
            return Map.of("audiochannels", Integer.toString(jamulusChannels), "audioquality",
                    Integer.toString(jamulusQuality), "enableopussmall", small ? "1" : "0");
        }

        String tuttiSettingsJson() {
            return "{\"audio\":{\"backend\":\"jack\",\"bufferFrames\":" + periodSamples + ",\"smallNetworkBuffers\":"
                    + small + ",\"quality\":\"" + tuttiQuality + "\",\"channels\":\"" + tuttiChannels
                    + "\",\"autoConnect\":false}}";
        }

        String[] serverOptions() {
            return small ? new String[] {"-F"} : new String[0];
        }
    }

    enum Peer { JAMULUS, TUTTI }

    /** One path from a player through a server to a listener. */
    enum Path4 {
        JAMULUS_SERVER_JAMULUS_PLAYER(Peer.JAMULUS, Peer.JAMULUS),
        JAMULUS_SERVER_TUTTI_PLAYER(Peer.JAMULUS, Peer.TUTTI),
        TUTTI_SERVER_JAMULUS_PLAYER(Peer.TUTTI, Peer.JAMULUS),
        TUTTI_SERVER_TUTTI_PLAYER(Peer.TUTTI, Peer.TUTTI);

        final Peer server;
        final Peer player;

        Path4(Peer server, Peer player) {
            this.server = server;
            this.player = player;
        }

        String tag() {
            return (server == Peer.JAMULUS ? "j" : "t") + (player == Peer.JAMULUS ? "j" : "t");
        }
    }

    /** What B heard on one path, and what that path's server said about its clients' jitter buffers at the end. */
    record Result(SetUp setUp, Path4 path, ToneFidelity heard, String jitterBuffers) {
        String label() {
            return setUp + " " + path.server.name().toLowerCase() + "-server " + path.player.name().toLowerCase()
                    + "-player";
        }

        @Override
        public String toString() {
            return label() + ": " + heard + ", server jitter buffers " + jitterBuffers;
        }
    }

    private FidelityRig() {
    }

    /** Measures {@code paths} at the same time; results in the order given. */
    static java.util.List<Result> measure(Path parent, SetUp setUp, Duration warmUp, Duration recorded,
                                          List<Path4> paths) throws IOException {
        Path dir = Files.createTempDirectory(parent, setUp + "-");
        java.util.Deque<AutoCloseable> open = new java.util.ArrayDeque<>();
        try {
            DummyJack jackB = push(open, DummyJack.start(dir, setUp.periodSamples));
            DummyJack jackA = push(open, DummyJack.start(dir, setUp.periodSamples));
            int n = paths.size();
            Server[] servers = new Server[n];
            JamulusClient[] listeners = new JamulusClient[n];
            Player[] players = new Player[n];
            for (int i = 0; i < n; i++) {
                Path pathDir = Files.createDirectories(dir.resolve(paths.get(i).tag()));
                servers[i] = push(open, paths.get(i).server == Peer.JAMULUS ? Server.jamulus(pathDir, setUp)
                        : Server.tutti(pathDir, setUp));
            }
            for (int i = 0; i < n; i++) {
                Path4 p = paths.get(i);
                String address = "127.0.0.1:" + servers[i].udpPort;
                Path pathDir = dir.resolve(p.tag());
                listeners[i] = push(open, JamulusClient.start(pathDir, jackB, address, "listener-" + p.tag(),
                        setUp.jamulusIni()));
                players[i] = push(open, p.player == Peer.JAMULUS
                        ? Player.jamulus(pathDir, jackA, address, setUp, "player-" + p.tag())
                        : Player.tutti(pathDir, jackA, address, setUp, "tuttiplayer-" + p.tag()));
            }
            push(open, tone(jackA));
            for (Player player : players) {
                for (String input : player.inputPorts) {
                    jackA.connect("tone:output left", input);
                }
            }
            for (Server server : servers) {
                server.awaitClients(2, Duration.ofSeconds(30));
            }
            sleep(warmUp);
            List<String> ports = new ArrayList<>();
            for (JamulusClient listener : listeners) {
                ports.add(listener.outputPorts().getFirst());
            }
            short[][] heard = JackRecorder.recordAll(jackB, ports, recorded, dir);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                players[i].assertAlive();
                results.add(new Result(setUp, paths.get(i), ToneFidelity.of(heard[i], TONE_HZ, 48_000),
                        servers[i].jitterBuffers()));
            }
            return results;
        } finally {
            // players and the tone first, then listeners and servers, the jackds last
            while (!open.isEmpty()) {
                try {
                    open.pop().close();
                } catch (Exception e) {
                    System.err.println("fidelity: closing: " + e);
                }
            }
        }
    }

    private static AutoCloseable tone(DummyJack jack) {
        try {
            return JackTone.generator(jack.serverName(), "tone", TONE_AMPLITUDE, TONE_HZ);
        } catch (org.tutti.backend.AudioBackendException e) {
            throw new IllegalStateException("cannot start the tone on " + jack.serverName(), e);
        }
    }

    private static <T extends AutoCloseable> T push(java.util.Deque<AutoCloseable> open, T resource) {
        open.push(resource);
        return resource;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JVM options for Tutti's processes, e.g. {@code -Dtutti.fidelity.jvm=-Dtutti.serverJitterStrategy=JAMULUS}. */
    static List<String> javaJar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvm = System.getProperty("tutti.fidelity.jvm", "").trim();
        if (!jvm.isEmpty()) {
            cmd.addAll(List.of(jvm.split("\\s+")));
        }
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The server under test with its JSON-RPC connection. */
    private static final class Server implements AutoCloseable {
        final int udpPort;
        final RpcTestClient rpc;
        final AutoCloseable owner;

        private Server(int udpPort, RpcTestClient rpc, AutoCloseable owner) {
            this.udpPort = udpPort;
            this.rpc = rpc;
            this.owner = owner;
        }

        static Server jamulus(Path dir, SetUp setUp) {
            JamulusServer s = JamulusServer.start(dir, 20, setUp.serverOptions());
            return new Server(s.udpPort(), s.rpc(), s);
        }

        static Server tutti(Path dir, SetUp setUp) {
            int udp = FreePorts.udp();
            int rpcPort = FreePorts.tcp();
            Secrets secrets = Secrets.create(dir);
            List<String> cmd = javaJar("-s", "-n", "-p", Integer.toString(udp), "-u", "20", "--jsonrpcport",
                    Integer.toString(rpcPort), "--jsonrpcsecretfile", secrets.file().toString());
            cmd.addAll(List.of(setUp.serverOptions()));
            ManagedProcess p = ManagedProcess.start("Tutti server :" + udp, cmd, Map.of(), dir.resolve("tutti-server.log"));
            try {
                RpcTestClient rpc = RpcTestClient.connectAndAuth(rpcPort, secrets.secret(), Duration.ofSeconds(20));
                return new Server(udp, rpc, () -> {
                    rpc.close();
                    p.close();
                });
            } catch (RuntimeException e) {
                String log = p.logText();
                p.close();
                throw new IllegalStateException("Tutti server did not start: " + e.getMessage() + "\n" + log, e);
            }
        }

        void awaitClients(int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (clients().size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server did not list " + count + " clients: " + clients());
                }
                sleep(Duration.ofMillis(100));
            }
        }

        JsonArray clients() {
            return rpc.result("jamulusserver/getClients", new JsonObject()).getAsJsonObject()
                    .getAsJsonArray("clients");
        }

        String jitterBuffers() {
            StringBuilder s = new StringBuilder();
            for (var c : clients()) {
                JsonObject o = c.getAsJsonObject();
                s.append(s.isEmpty() ? "" : ", ").append(o.get("name").getAsString()).append('=')
                        .append(o.has("jitterBufferSize") ? o.get("jitterBufferSize").getAsString() : "?");
                if (o.has("jitterConcealed")) { // Tutti's server says what its buffer did
                    s.append(" (concealed ").append(o.get("jitterConcealed").getAsLong()).append(", holds ")
                            .append(o.get("jitterHolds").getAsLong()).append(", skips ")
                            .append(o.get("jitterSkips").getAsLong()).append(", dropped ")
                            .append(o.get("jitterDropped").getAsLong()).append(')');
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            try {
                owner.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** Musician A: the client that plays the tone. */
    private static final class Player implements AutoCloseable {
        final List<String> inputPorts;
        final AutoCloseable owner;
        final ManagedProcess process;

        private Player(List<String> inputPorts, AutoCloseable owner, ManagedProcess process) {
            this.inputPorts = inputPorts;
            this.owner = owner;
            this.process = process;
        }

        static Player jamulus(Path dir, DummyJack jack, String address, SetUp setUp, String name) {
            JamulusClient c = JamulusClient.start(dir, jack, address, name, setUp.jamulusIni());
            return new Player(c.inputPorts(), c, c.process());
        }

        static Player tutti(Path dir, DummyJack jack, String address, SetUp setUp, String name) {
            Path settings = dir.resolve("tutti-player.json");
            try {
                Files.writeString(settings, setUp.tuttiSettingsJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ManagedProcess p = ManagedProcess.start("Tutti client", javaJar("-n", "-i", settings.toString(), "-c",
                    address, "--clientname", name, "--audiobackend", "jack", "--audiodevice", jack.serverName()),
                    jack.env(), dir.resolve("tutti-player.log"));
            List<String> inputs = List.of(name + ":input left", name + ":input right");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!jack.describePorts().contains(inputs.getFirst())) {
                p.assertAlive();
                if (System.nanoTime() > deadline) {
                    String log = p.logText();
                    p.close();
                    throw new IllegalStateException("the Tutti client's ports did not appear:\n" + log);
                }
                sleep(Duration.ofMillis(100));
            }
            return new Player(inputs, p, p);
        }

        void assertAlive() {
            process.assertAlive();
        }

        @Override
        public void close() {
            try {
                owner.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
