package org.tutti.client.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tutti.client.session.DirectoryBrowsing;
import org.tutti.client.ui.FakeMusician;
import org.tutti.client.ui.connect.RecordedServerList;
import org.tutti.client.ui.connect.ServerRow;
import org.tutti.interop.FreePorts;
import org.tutti.testing.Await;

/** The Connection Setup list against a real Jamulus 3.9.1 directory on 127.0.0.1 (it lists and answers for itself). */
class DirectoryBrowserTest {
    private static final Path JAMULUS = Path.of("/usr/bin/Jamulus");

    @Test
    void listsARealJamulusDirectoryWithPingAndMusicians() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(JAMULUS), "Jamulus 3.9.1 not installed at " + JAMULUS);
        }
        int port = FreePorts.udp();
        Process jamulus = new ProcessBuilder(JAMULUS.toString(), "-s", "-n", "-p", Integer.toString(port),
                "-e", "localhost", "-u", "7", "-o", "UiDirectory;Lyon;74")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RecordedServerList rows = new RecordedServerList();
        try (DirectoryBrowser browser = DirectoryBrowsing.start("127.0.0.1:" + port, rows)) {
            Await.until("the directory lists itself with a ping", () -> rows.last().stream()
                    .anyMatch(r -> r.name().equals("UiDirectory") && r.pingMs() >= 0));
            ServerRow row = rows.last().stream().filter(r -> r.name().equals("UiDirectory")).findFirst().orElseThrow();
            assertThat(row.address()).isEqualTo("127.0.0.1:" + port);
            assertThat(row.musicians()).isZero();
            assertThat(row.maxMusicians()).isEqualTo(7);
            assertThat(row.city()).isEqualTo("Lyon");
            assertThat(row.country()).as("country " + row).isEqualTo(74);
            assertThat(row.location()).isEqualTo("Lyon, France");
            assertThat(browser.malformedDatagrams()).isZero();

            // A Tutti client joins the Jamulus server: its CLM_CONN_CLIENTS_LIST answer names her ("show all musicians")
            try (var ann = FakeMusician.connect("127.0.0.1:" + port, "Ann", 4, 82, "Köln")) {
                Await.until("Jamulus lists Ann", () -> rows.last().stream().anyMatch(r -> r.name().equals("UiDirectory")
                        && r.musicianList().stream().anyMatch(m -> m.name().equals("Ann"))));
                var musician = rows.last().stream().filter(r -> r.name().equals("UiDirectory")).findFirst()
                        .orElseThrow().musicianList().getFirst();
                assertThat(musician.instrument()).isEqualTo(4);
                assertThat(musician.country()).isEqualTo(82);
                assertThat(musician.city()).isEqualTo("Köln");
            }
            assertThat(browser.malformedDatagrams()).isZero();
        } finally {
            jamulus.destroy();
            jamulus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownHostIsReportedPlainly() throws Exception {
        RecordedServerList rows = new RecordedServerList();
        try (DirectoryBrowser browser = DirectoryBrowsing.start("no-such-host.invalid:22124", rows)) {
            Await.until("problem shown", () -> !rows.problems.isEmpty());
        }
        assertThat(rows.problems.getFirst()).contains("no-such-host.invalid");
    }
}
