package org.tutti.client.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.interop.ManagedProcess;
import org.tutti.interop.NatRouterRig;
import org.tutti.testing.Await;

/**
 * The desktop server mode's port mapping for real (issue 19): {@link BuiltInServer}, the class the main window's
 * "Run my own server" and the server panel's "Open the port on my router" box drive, runs in the "lan" namespace of
 * {@link NatRouterRig} with the real miniupnpd on its router, its panel in a real window when the test has a display
 * (xvfb-run; X11's socket file is reachable from any network namespace). Server mode on maps the port; a new public
 * address on the router is shown as a change; unticking the box and applying deletes the mapping, ticking it again
 * maps it again; server mode off deletes it while the application goes on running.
 */
class DesktopServerModeNamespaceTest {
    private static final int PORT = 22124;
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @BeforeEach
    void peers() {
        NatRouterRig.requirePeers();
    }

    @Test
    void serverModeMapsThePortTheBoxUnmapsAndRemapsItAndServerModeOffDeletesIt() {
        Path commands = dir.resolve("commands.txt");
        try (NatRouterRig rig = NatRouterRig.start(dir, NatRouterRig.PUBLIC_WAN_PREFIX, true);
             ManagedProcess app = startApp(rig, commands)) {
            String mapped = "line: Your friends connect to " + rig.routerWan + ":" + PORT + " (from the router)";
            awaitLine(app, rig, mapped);
            assertThat(rig.forwardsUdpTo(NatRouterRig.SERVER_LAN, PORT)).as("ruleset:%n%s", rig.ruleset()).isTrue();
            String display = System.getenv("DISPLAY");
            assertThat(app.logText()).as("a real window when the test has a display")
                    .contains(display == null || display.isBlank() ? "window: none (headless)" : "window: shown");

            // The provider hands the router a new public address: the panel says so (checked every 2 s here).
            String newWan = NatRouterRig.PUBLIC_WAN_PREFIX + ".3";
            rig.changeRouterWanTo(newWan);
            awaitLine(app, rig, "line: Your address changed: friends now connect to " + newWan + ":" + PORT
                    + " (from the router)");

            send(commands, "untick");
            awaitRule(app, rig, false, "unticking the box deletes the mapping");
            awaitLine(app, rig, "line: Friends outside your home can join once UDP port " + PORT
                    + " is forwarded to this computer on your router (or turn on the option above).");

            send(commands, "tick");
            awaitRule(app, rig, true, "ticking it again maps the port again");

            send(commands, "stop");
            awaitRule(app, rig, false, "server mode off deletes the mapping");
            app.assertAlive(); // the application still runs: it was server mode's stop, not the process ending

            send(commands, "exit");
            assertThat(app.waitFor(20)).isZero();
        }
    }

    private ManagedProcess startApp(NatRouterRig rig, Path commands) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> env = new HashMap<>();
        String display = System.getenv("DISPLAY");
        List<String> headless = display == null || display.isBlank() ? List.of("-Djava.awt.headless=true") : List.of();
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dtutti.portMappingAddressCheckSeconds=2"));
        command.addAll(headless);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                DesktopServerModeProcess.class.getName(), Integer.toString(PORT), commands.toString()));
        return ManagedProcess.start("desktop server mode in " + rig.lan, rig.inLan(command), env,
                dir.resolve("app.log"));
    }

    private static void awaitLine(ManagedProcess app, NatRouterRig rig, String line) {
        assertThat(Await.holdsWithin(WAIT, () -> app.logText().lines().anyMatch(line::equals)))
                .as("'%s'; app log:%n%s%nrouter log:%n%s", line, app.logText(), rig.routerLog()).isTrue();
    }

    private static void awaitRule(ManagedProcess app, NatRouterRig rig, boolean present, String what) {
        assertThat(Await.holdsWithin(WAIT, () -> rig.forwardsUdp(PORT) == present))
                .as("%s; app log:%n%s%nruleset:%n%s", what, app.logText(), rig.ruleset()).isTrue();
    }

    private static void send(Path commands, String command) {
        try {
            Files.writeString(commands, command + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
