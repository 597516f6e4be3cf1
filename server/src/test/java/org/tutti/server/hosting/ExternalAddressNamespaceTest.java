package org.tutti.server.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.NatRouterRig;
import org.tutti.interop.Secrets;
import org.tutti.server.cli.ServerMainForTests;
import org.tutti.testing.Await;

/**
 * The address to share when the router gives none, and when it changes (issue 19): a Tutti directory on the "wan"
 * side of {@link NatRouterRig} lists the server at the router's public address, the server learns it from the list;
 * the router's public address changes while the server runs, the server says so and registers again from the new
 * one. JSON-RPC is asked from inside the lan namespace (a short Python client: the test JVM is outside it).
 */
class ExternalAddressNamespaceTest {
    private static final int PORT = 22124;
    private static final int RPC_PORT = 22125;
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int TEST_LEASE_SECONDS = 6;

    @TempDir
    Path dir;

    @BeforeEach
    void peers() {
        NatRouterRig.requirePeers();
    }

    @Test
    void withoutAGatewayTheAddressComesFromTheDirectorysList() {
        Secrets secrets = Secrets.create(dir);
        try (NatRouterRig rig = NatRouterRig.startWithoutGateway(dir, NatRouterRig.PUBLIC_WAN_PREFIX);
             ManagedProcess directory = startDirectory(rig);
             ManagedProcess server = startServer(rig, secrets)) {
            String expected = "- friends connect to " + rig.routerWan + ":" + PORT + " (as the directory sees it)";
            awaitLine(server, directory, expected);
            JsonObject profile = profile(rig, secrets);
            assertThat(profile.get("externalAddress").getAsString()).isEqualTo(rig.routerWan);
            assertThat(profile.get("externalPort").getAsInt()).isEqualTo(PORT);
            assertThat(profile.get("externalAddressSource").getAsString()).isEqualTo("directory");
            assertThat(profile.get("portMapping").getAsString()).as("no UPnP/NAT-PMP router here")
                    .isIn("searching", "no_gateway");
            assertThat(profile.get("registrationStatus").getAsString()).isEqualTo("registered");
        }
    }

    @Test
    void aNewPublicAddressIsReportedAndTheServerRegistersAgainFromIt() {
        Secrets secrets = Secrets.create(dir);
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.PUBLIC_WAN_PREFIX, true);
             ManagedProcess directory = startDirectory(rig);
             ManagedProcess server = startServer(rig, secrets, "-Dtutti.portMappingLeaseSeconds=3600",
                     "-Dtutti.portMappingAddressCheckSeconds=2")) {
            // A one-hour lease: no renewal during the test, so the new address comes from the address check.
            awaitLine(server, directory, "- friends connect to " + rig.routerWan + ":" + PORT + " (from the router)");
            String newWan = NatRouterRig.PUBLIC_WAN_PREFIX + ".3";
            rig.changeRouterWanTo(newWan);
            awaitLine(server, directory, "- external address changed: friends now connect to " + newWan + ":" + PORT
                    + " (from the router) (was " + rig.routerWan + ":" + PORT + ")");
            // The directory's file (written 10 s after a change) lists each entry under the address it came from.
            Path listFile = dir.resolve("directory.csv");
            assertThat(Await.holdsWithin(WAIT, () -> read(listFile).contains(newWan + ":" + PORT + ";")))
                    .as("the directory lists the server at its new address; server log:%n%s", server.logText())
                    .isTrue();
            JsonObject profile = profile(rig, secrets);
            assertThat(profile.get("externalAddress").getAsString()).isEqualTo(newWan);
            assertThat(profile.get("externalAddressSource").getAsString()).isEqualTo("router");
            assertThat(profile.get("previousExternalAddress").getAsString()).isEqualTo(rig.routerWan + ":" + PORT);
            assertThat(profile.get("portMapping").getAsString()).isEqualTo("mapped");
        }
    }

    /** A Tutti directory on the internet side, at the friend's address. */
    private ManagedProcess startDirectory(NatRouterRig rig) {
        ManagedProcess directory = ManagedProcess.start("tutti directory in " + rig.wan, rig.inWan(java(
                "-s", "-n", "-p", Integer.toString(PORT), "-e", "localhost", "-o", "Directory;Net;82",
                "--directoryfile", dir.resolve("directory.csv").toString())), Map.of(),
                dir.resolve("directory.log"));
        Await.until("the directory running", WAIT, () -> {
            directory.assertAlive();
            return directory.logText().contains("this server is a directory");
        });
        return directory;
    }

    private ManagedProcess startServer(NatRouterRig rig, Secrets secrets, String... properties) {
        List<String> props = properties.length == 0
                ? List.of("-Dtutti.portMappingLeaseSeconds=" + TEST_LEASE_SECONDS) : List.of(properties);
        return ManagedProcess.start("tutti server in " + rig.lan, rig.inLan(java(props,
                "-s", "-n", "-p", Integer.toString(PORT), "--portmapping", "on",
                "-e", rig.friendWan + ":" + PORT, "-o", "Home;Town;82",
                "--jsonrpcport", Integer.toString(RPC_PORT), "--jsonrpcsecretfile", secrets.file().toString())),
                Map.of(), dir.resolve("server.log"));
    }

    private static List<String> java(String... args) {
        return java(List.of("-Dtutti.portMappingLeaseSeconds=" + TEST_LEASE_SECONDS), args);
    }

    private static List<String> java(List<String> properties, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMainForTests.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static void awaitLine(ManagedProcess server, ManagedProcess directory, String line) {
        assertThat(Await.holdsWithin(WAIT, () -> server.logText().lines().anyMatch(line::equals)))
                .as("line '%s'; server log:%n%s%ndirectory log:%n%s", line, server.logText(), directory.logText())
                .isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** jamulusserver/getServerProfile, asked over JSON-RPC from inside the lan namespace. */
    private JsonObject profile(NatRouterRig rig, Secrets secrets) {
        Path client = dir.resolve("rpc.py");
        try {
            Files.writeString(client, """
                    import json, socket, sys
                    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
                    f = s.makefile("rw")
                    for i, (m, p) in enumerate([("jamulus/apiAuth", {"secret": sys.argv[2]}),
                                                ("jamulusserver/getServerProfile", {})]):
                        f.write(json.dumps({"id": i, "jsonrpc": "2.0", "method": m, "params": p}) + "\\n")
                        f.flush()
                        line = f.readline()
                    print(line)
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String out = NatRouterRig.sh(rig.inLan(List.of("python3", client.toString(), Integer.toString(RPC_PORT),
                secrets.secret())).toArray(String[]::new));
        return JsonParser.parseString(out.strip()).getAsJsonObject().getAsJsonObject("result");
    }
}
