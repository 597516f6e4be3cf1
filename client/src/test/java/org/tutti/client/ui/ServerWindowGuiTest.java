package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.JButton;
import javax.swing.ToolTipManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.app.Main;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.interop.FreePorts;

/**
 * {@code tutti -s} without {@code -n}: the launcher opens the server window (as Jamulus does) bound to the server
 * the command line started; a real client shows up in its table, the recorder of {@code -R} records, and closing the
 * window stops the server cleanly. Without a display the same command runs headless and says so.
 */
class ServerWindowGuiTest extends GuiTestSupport {
    @TempDir
    Path recordings;
    private ClientEngine ann;

    @AfterEach
    void stopClient() {
        GuiActionRunner.execute(() -> ToolTipManager.sharedInstance().setEnabled(true));
        if (ann != null) {
            ann.close();
        }
    }

    private long wavFiles() {
        try (Stream<Path> files = Files.walk(recordings)) {
            return files.filter(f -> f.toString().endsWith(".wav")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The welcome chat a newly joining musician receives ("" if none within 5 s). */
    private static String welcomeFor(int port) {
        CompletableFuture<String> chat = new CompletableFuture<>();
        try (ClientEngine ben = FakeMusician.connect("127.0.0.1:" + port, "Ben", 0, 0, "", new ClientListener() {
            @Override
            public void chatReceived(String html) {
                chat.complete(html);
            }
        })) {
            return chat.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void dashSOpensTheServerWindowAndClosingItStopsTheServer() throws Exception {
        int port = FreePorts.udp();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"-s", "-t",
            "-p", Integer.toString(port), "-u", "12", "-o", "Window Jam;Lyon;74", "-w", "Hello there",
            "-R", recordings.toString()}, out, out));

        // The welcome editor's tooltip would pop up over the Apply button below it and take the click.
        GuiActionRunner.execute(() -> ToolTipManager.sharedInstance().setEnabled(false));
        FrameFixture w = WindowFinder.findFrame("serverWindow").withTimeout(30, TimeUnit.SECONDS).using(robot);
        w.requireTitle("Tutti server: Window Jam");
        Fits.assertFits(w.target(), new Rectangle(1280, 720));
        w.textBox("server.name").requireText("Window Jam");
        w.textBox("server.city").requireText("Lyon");
        w.textBox("serverWelcome").requireText("Hello there");
        w.spinner("server.port").requireDisabled(); // fixed by -p, as in Jamulus's server window
        assertThat(w.spinner("server.port").target().getValue()).isEqualTo(port);
        assertThat(w.spinner("server.maxUsers").target().getValue()).isEqualTo(12);
        assertThat(GuiActionRunner.execute(() -> robot.finder()
                .findByName(w.target(), "joinOwnServer", javax.swing.JButton.class, false).isVisible()))
                .as("no client to join with in a server window").isFalse();
        w.checkBox("serverRecorder").requireSelected();

        ann = FakeMusician.connect("127.0.0.1:" + port, "Ann", 4, 82, "Köln");
        GuiWait.waitFor("Ann in the clients table", () -> Arrays.stream(w.table("serverClients").contents())
                .anyMatch(r -> r[1].equals("Ann")));
        GuiWait.waitFor("the recorder writes Ann's track", () -> wavFiles() > 0);
        GuiWait.waitFor("status names the session", () -> w.label("serverRecorderStatus").text().startsWith("Recording to"));

        // A new welcome message applies to the running server.
        w.textBox("serverWelcome").deleteText().enterText("Bienvenue");
        w.button("serverApply").click();
        GuiWait.waitFor("musicians who join now are welcomed anew", () -> welcomeFor(port).contains("Bienvenue"));

        w.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code; output:%n%s", log).isZero();
        try (DatagramSocket again = new DatagramSocket(port)) {
            assertThat(again.getLocalPort()).as("the server released its port").isEqualTo(port);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("running the server without its window");
    }

    @Test
    void withoutADisplayTheServerRunsHeadlessAndSaysSo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "-s", "-p", "0")
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            assertThat(first).isEqualTo("- no display available: running the server without its window (as with -n)");
            String line;
            boolean running = false;
            while (!running && (line = r.readLine()) != null) {
                running = line.contains("server on UDP port");
            }
            assertThat(running).as("the headless server started").isTrue();
            p.destroy(); // SIGTERM stops it (0 once its handler is installed, 143 from the shutdown hook before)
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isIn(0, 143);
        } finally {
            p.destroyForcibly();
        }
    }
}
