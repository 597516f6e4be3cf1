package org.tutti.client.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.FreePorts;
import org.tutti.server.directory.DirectoryEntry;
import org.tutti.server.directory.DirectoryFile;
import org.tutti.server.directory.DirectoryService;
import org.tutti.server.directory.ListFilter;
import org.tutti.server.directory.NetworkAddresses;
import org.tutti.server.directory.RateLimiter;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.directory.ServerInfo;
import org.tutti.server.directory.ServerRegistrar;
import org.tutti.testing.Await;

/**
 * Tutti's directory components against the real Jamulus 3.9.1 on 127.0.0.1: a Jamulus server in a Tutti
 * directory, a Tutti server in a Jamulus directory, and the directory file between both.
 */
class DirectoryInteropTest {
    private static final long WAIT_MS = 30_000; // generous: the test machine is shared

    @TempDir
    Path work;

    @BeforeAll
    static void needsJamulus() {
        JamulusProcess.binary();
    }

    /** Hosts a Tutti directory on a real socket. */
    private static DirectoryService directoryOn(ClmLoop loop, ListFilter filter, Path file) throws Exception {
        DirectoryService d = loop.call(() -> new DirectoryService(ServerInfo.parse("TuttiDir;Bern;ch", 0), 20,
                NetworkAddresses.outboundAddress(), filter, file, RateLimiter.forDirectory(), loop.sink(),
                ClmLoop.nowMs()));
        loop.host(d);
        return d;
    }

    /** Asks {@code directory} for its list from a fresh client socket until the full list is there. */
    private static List<ListedServer> queryList(InetSocketAddress directory) throws Exception {
        try (ClmLoop client = new ClmLoop()) {
            ServerListQuery q = client.call(() -> new ServerListQuery(directory, client.sink(), null));
            client.host(q);
            client.run(() -> q.start(ClmLoop.nowMs()));
            assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), q::fullListReceived)).as("list from " + directory).isTrue();
            return q.snapshot();
        }
    }

    private static Optional<ListedServer> named(List<ListedServer> list, String name) {
        return list.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The same as the component test below, with the directory hosted by the headless server's engine. */
    @Test
    void aJamulusServerRegistersWithAHeadlessTuttiDirectoryServer() throws Exception {
        var options = org.tutti.cli.JamulusOptions.parse("-s", "-n", "-p", "0", "-e", "localhost",
                "-o", "TuttiDir;Paris;fr");
        try (var log = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
             var tutti = org.tutti.server.cli.HeadlessServer.start(
                     org.tutti.server.cli.ServerOptions.toConfig(options), null, log, options)) {
            InetSocketAddress directory = new InetSocketAddress(InetAddress.getLoopbackAddress(), tutti.udpPort());
            int port = FreePorts.udp();
            try (JamulusProcess server = JamulusProcess.start(work, "-s", "-n", "-p", "" + port, "-u", "7",
                    "-e", "127.0.0.1:" + tutti.udpPort(), "-o", "Jam Srv;Köln;82")) {
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> {
                    try {
                        return named(queryList(directory), "Jam Srv").isPresent();
                    } catch (Exception e) {
                        return false;
                    }
                })).as("registration; Jamulus said:\n%s", server.output()).isTrue();
                List<ListedServer> list = queryList(directory);
                assertThat(list.getFirst().name()).isEqualTo("TuttiDir");
                assertThat(list.getFirst().country()).isEqualTo(74);
                ListedServer listed = named(list, "Jam Srv").orElseThrow();
                assertThat(listed.city()).isEqualTo("Köln");
                assertThat(listed.country()).isEqualTo(82);
                assertThat(listed.maxClients()).isEqualTo(7);
                server.stop(); // SIGTERM: Jamulus unregisters
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> {
                    try {
                        return named(queryList(directory), "Jam Srv").isEmpty();
                    } catch (Exception e) {
                        return false;
                    }
                })).as("unregistered").isTrue();
            }
        }
    }

    @Test
    void aJamulusServerRegistersWithTuttiIsListedAndUnregistersOnSigterm() throws Exception {
        try (ClmLoop dirLoop = new ClmLoop(); ClmLoop client = new ClmLoop()) {
            DirectoryService directory = directoryOn(dirLoop, ListFilter.NONE, null);
            int port = FreePorts.udp();
            // 3.9.1 maps only lower-case ISO codes, so the numeric code is the portable choice (doc §7.2)
            try (JamulusProcess server = JamulusProcess.start(work, "-s", "-n", "-p", "" + port, "-u", "7",
                    "-e", "127.0.0.1:" + dirLoop.port(), "-o", "Jam Srv;Köln;82")) {
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> !directory.entries().isEmpty()))
                        .as("registration; Jamulus said:\n%s", server.output()).isTrue();
                DirectoryEntry entry = directory.entries().getFirst();
                assertThat(entry.source()).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(entry.info()).isEqualTo(new ServerInfo("Jam Srv", "Köln", 82));
                assertThat(entry.maxClients()).isEqualTo(7);

                ServerListQuery q = client.call(() -> new ServerListQuery(dirLoop.address(), client.sink(), null));
                client.host(q);
                client.run(() -> q.start(ClmLoop.nowMs()));
                // the real server answers our pings and version request
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> named(q.snapshot(), "Jam Srv")
                        .filter(s -> s.answered() && s.version().equals("3.9.1")).isPresent())).isTrue();
                ListedServer listed = named(q.snapshot(), "Jam Srv").orElseThrow();
                assertThat(listed.address()).isEqualTo(entry.source());
                assertThat(listed.city()).isEqualTo("Köln");
                assertThat(listed.country()).isEqualTo(82);
                assertThat(listed.maxClients()).isEqualTo(7);
                assertThat(listed.numClients()).isZero();
                assertThat(listed.occupancy()).isEqualTo("0/7");
                assertThat(q.snapshot().getFirst()).satisfies(d -> {
                    assertThat(d.directory()).isTrue();
                    assertThat(d.name()).isEqualTo("TuttiDir");
                    assertThat(d.address()).isEqualTo(dirLoop.address());
                });

                server.stop(); // SIGTERM: Jamulus sends CLM_UNREGISTER_SERVER
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> directory.entries().isEmpty())).isTrue();
            }
            assertThat(named(queryList(dirLoop.address()), "Jam Srv")).isEmpty();
        }
    }

    @Test
    void aTuttiServerRegistersWithAJamulusDirectoryIsListedAndUnregisters() throws Exception {
        int dirPort = FreePorts.udp();
        InetSocketAddress dirAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), dirPort);
        // The filter proves Jamulus accepts our address and our version text ("3.9.1-tutti…" ≥ 3.6.0).
        try (JamulusProcess jamulusDir = JamulusProcess.start(work, "-s", "-n", "-p", "" + dirPort,
                "-e", "localhost", "-o", "JamDir;Paris;74", "-f", "127.0.0.1;[3.6.0]");
             ClmLoop serverLoop = new ClmLoop()) {
            assertThat(named(queryList(dirAddress), "JamDir")).isPresent(); // the directory is up

            ServerRegistrar registrar = register(serverLoop, dirAddress, "Tutti Srv;Lyon;fr");
            assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> registrar.status() == RegistrationStatus.REGISTERED))
                    .as("status %s; Jamulus said:\n%s", registrar.status(), jamulusDir.output()).isTrue();

            ListedServer listed = named(queryList(dirAddress), "Tutti Srv").orElseThrow();
            assertThat(listed.address()).isEqualTo(serverLoop.address());
            assertThat(listed.city()).isEqualTo("Lyon");
            assertThat(listed.country()).isEqualTo(74);
            assertThat(listed.maxClients()).isEqualTo(12);

            serverLoop.run(registrar::shutdown);
            assertThat(registrar.status()).isEqualTo(RegistrationStatus.NOT_REGISTERED);
            assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> {
                try {
                    return named(queryList(dirAddress), "Tutti Srv").isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).isTrue();
        }
    }

    private static ServerRegistrar register(ClmLoop loop, InetSocketAddress directory, String info) throws Exception {
        ServerRegistrar registrar = loop.call(() -> new ServerRegistrar(directory, ServerInfo.parse(info, 0),
                loop.port(), 12, NetworkAddresses.outboundAddress().getHostAddress(), loop.sink()));
        loop.host(registrar);
        loop.run(() -> registrar.start(ClmLoop.nowMs()));
        return registrar;
    }

    @Test
    void directoryFilesPassBetweenJamulusAndTuttiAndSurviveRestarts() throws Exception {
        Path file = work.resolve("servers.txt");
        int dirPort = FreePorts.udp();
        InetSocketAddress jamulusDirAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), dirPort);
        int serverPort;
        // 1. A Jamulus directory with a Tutti server in it writes its file at SIGTERM.
        try (JamulusProcess jamulusDir = JamulusProcess.start(work, "-s", "-n", "-p", "" + dirPort,
                "-e", "localhost", "--directoryfile", file.toString());
             ClmLoop serverLoop = new ClmLoop()) {
            queryList(jamulusDirAddress);
            serverPort = serverLoop.port();
            ServerRegistrar registrar = register(serverLoop, jamulusDirAddress, "Persistent;Wien;14");
            assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> registrar.status() == RegistrationStatus.REGISTERED))
                    .isTrue();
            jamulusDir.stop();
        }
        String jamulusLine = Files.readString(file).strip();
        assertThat(jamulusLine).startsWith("127.0.0.1:" + serverPort + ";");
        DirectoryEntry parsed = DirectoryFile.parseLine(jamulusLine, 0);
        assertThat(parsed).isNotNull();
        assertThat(parsed.info()).isEqualTo(new ServerInfo("Persistent", "Wien", 14));
        assertThat(parsed.maxClients()).isEqualTo(12);
        assertThat(DirectoryFile.toLine(parsed)).isEqualTo(jamulusLine); // we write what Jamulus writes

        // 2. A Tutti directory starts from that file, lists the server, and writes the file again at shutdown.
        try (ClmLoop dirLoop = new ClmLoop()) {
            DirectoryService tutti = directoryOn(dirLoop, ListFilter.NONE, file);
            assertThat(named(queryList(dirLoop.address()), "Persistent")).isPresent();
            dirLoop.run(tutti::shutdown);
        }
        // 3. Restarted, Tutti still lists it ...
        try (ClmLoop dirLoop = new ClmLoop()) {
            directoryOn(dirLoop, ListFilter.NONE, file);
            ListedServer s = named(queryList(dirLoop.address()), "Persistent").orElseThrow();
            assertThat(s.address()).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
            assertThat(s.city()).isEqualTo("Wien");
        }
        // 4. ... and so does a Jamulus directory reading the file Tutti wrote.
        int dirPort2 = FreePorts.udp();
        try (JamulusProcess jamulusDir = JamulusProcess.start(work, "-s", "-n", "-p", "" + dirPort2,
                "-e", "localhost", "--directoryfile", file.toString())) {
            ListedServer s = named(queryList(new InetSocketAddress(InetAddress.getLoopbackAddress(), dirPort2)),
                    "Persistent").orElseThrow();
            assertThat(s.country()).isEqualTo(14);
            assertThat(s.city()).isEqualTo("Wien");
        }
    }

    @Test
    void aListFilterRefusesServersFromUnlistedAddresses() throws Exception {
        try (ClmLoop dirLoop = new ClmLoop(); ClmLoop serverLoop = new ClmLoop()) {
            DirectoryService directory = directoryOn(dirLoop, ListFilter.parse("192.0.2.99;[3.6.0]"), null);
            ServerRegistrar registrar = register(serverLoop, dirLoop.address(), "Refused;Oslo;161");
            assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS),
                    () -> registrar.status() == RegistrationStatus.REQUIREMENTS_NOT_FULFILLED)).isTrue();

            int port = FreePorts.udp();
            int rpcPort = FreePorts.tcp();
            Path secret = work.resolve("secret");
            Files.writeString(secret, "0123456789abcdef-interop\n");
            try (JamulusProcess server = JamulusProcess.start(work, "-s", "-n", "-p", "" + port,
                    "-e", "127.0.0.1:" + dirLoop.port(), "-o", "RefusedJam;Oslo;161",
                    "--jsonrpcport", "" + rpcPort, "--jsonrpcsecretfile", secret.toString())) {
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> directory.refusedRegistrations() >= 2)).isTrue();
                assertThat(Await.holdsWithin(Duration.ofMillis(WAIT_MS), () -> JsonRpc.registrationStatus(rpcPort, "0123456789abcdef-interop")
                        .equals("requirements_not_fulfilled"))).isTrue();
            }
            assertThat(directory.entries()).isEmpty();
        }
    }
}
