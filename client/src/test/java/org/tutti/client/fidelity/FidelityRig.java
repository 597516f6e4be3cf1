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
import org.tutti.interop.ToneSource;

/**
 * One fidelity measurement as a band would hear it: musician A plays a 240 Hz sine (jack_simple_client, 0.2 of full
 * scale, on both inputs) into a client on its own dummy jackd; musician B, a real Jamulus 3.9.1 client on another
 * dummy jackd, hears the server's mix; B's left output is recorded with jack_rec after a warm-up and analysed
 * ({@link ToneFidelity}). The server is the real Jamulus or Tutti's packaged jar, A the real Jamulus client or
 * Tutti's headless client from the same jar, all as separate processes.
 */
final class FidelityRig {
    static final Path JAR = Path.of("target", "tutti.jar");
    static final double TONE_HZ = 240;

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

    /** What B heard, and what the server said about the clients' jitter buffers at the end. */
    record Result(SetUp setUp, Peer server, Peer sender, ToneFidelity heard, String jitterBuffers) {
        String label() {
            return setUp + " " + server.name().toLowerCase() + "-server " + sender.name().toLowerCase() + "-sender";
        }

        @Override
        public String toString() {
            return label() + ": " + heard + ", server jitter buffers " + jitterBuffers;
        }
    }

    private FidelityRig() {
    }

    static Result measure(Path parent, SetUp setUp, Peer server, Peer sender, Duration warmUp, Duration recorded)
            throws IOException {
        Path dir = Files.createTempDirectory(parent, setUp + "-" + server + "-" + sender + "-");
        try (DummyJack jackB = DummyJack.start(dir, setUp.periodSamples);
             DummyJack jackA = DummyJack.start(dir, setUp.periodSamples);
             Server srv = server == Peer.JAMULUS ? Server.jamulus(dir, setUp) : Server.tutti(dir, setUp)) {
            String address = "127.0.0.1:" + srv.udpPort;
            JamulusClient listener = JamulusClient.start(dir, jackB, address, "listener", setUp.jamulusIni());
            Player player = null;
            ToneSource tone = null;
            try {
                player = sender == Peer.JAMULUS ? Player.jamulus(dir, jackA, address, setUp)
                        : Player.tutti(dir, jackA, address, setUp);
                tone = ToneSource.start(jackA, "tone", dir);
                tone.connectTo(player.inputPorts);
                srv.awaitClients(2, Duration.ofSeconds(20));
                sleep(warmUp);
                short[] heard = JackRecorder.record(jackB, listener.outputPorts().getFirst(), recorded, dir);
                String buffers = srv.jitterBuffers();
                player.assertAlive();
                return new Result(setUp, server, sender, ToneFidelity.of(heard, TONE_HZ, 48_000), buffers);
            } finally {
                if (tone != null) {
                    tone.close();
                }
                if (player != null) {
                    player.close();
                }
                listener.close();
            }
        }
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

        static Player jamulus(Path dir, DummyJack jack, String address, SetUp setUp) {
            JamulusClient c = JamulusClient.start(dir, jack, address, "player", setUp.jamulusIni());
            return new Player(c.inputPorts(), c, c.process());
        }

        static Player tutti(Path dir, DummyJack jack, String address, SetUp setUp) {
            Path settings = dir.resolve("tutti-player.json");
            try {
                Files.writeString(settings, setUp.tuttiSettingsJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = "tuttiplayer";
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
