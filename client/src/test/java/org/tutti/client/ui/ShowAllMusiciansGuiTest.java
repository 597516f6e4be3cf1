package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dialog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.cli.JamulusOptions;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.session.DirectoryBrowsing;
import org.tutti.client.ui.connect.ConnectDialog;
import org.tutti.server.cli.HeadlessServer;
import org.tutti.server.cli.ServerOptions;

/**
 * "Show all musicians" in Connection Setup against real components on loopback: a Tutti directory, a Tutti server
 * registered with it, and a real client engine connected to that server. The dialog browses the directory (list,
 * pings, CLM_REQ_CONN_CLIENTS_LIST) and expands the server into its musician.
 */
class ShowAllMusiciansGuiTest extends GuiTestSupport {
    private HeadlessServer directory;
    private HeadlessServer server;
    private ClientEngine ann;
    private DirectoryBrowsing browsing;

    @AfterEach
    void stop() throws Exception {
        if (browsing != null) {
            GuiActionRunner.execute(() -> browsing.stop());
        }
        for (AutoCloseable c : new AutoCloseable[] {ann, server, directory}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static HeadlessServer start(String... args) throws Exception {
        var options = JamulusOptions.parse(args);
        return HeadlessServer.start(ServerOptions.toConfig(options), null,
                new PrintStream(OutputStream.nullOutputStream()), options);
    }

    /**
     * A Tutti directory on 127.0.0.2 (its answers come from the address the server registers with, while
     * "-e 127.0.0.1…" would make the server a directory itself) and a server registered with it.
     */
    void directoryWithServer() throws Exception {
        directory = start("-s", "-n", "-p", "0", "--serverbindip", "127.0.0.2", "-e", "localhost",
                "-o", "Tutti Dir;Bern;ch");
        server = start("-s", "-n", "-p", "0", "-e", "127.0.0.2:" + directory.udpPort(), "-o", "Jam Room;Lyon;74");
        GuiWait.waitFor("registered", () -> server.engine().registrationStatus().jsonName().equals("registered"));
        ann = FakeMusician.connect("127.0.0.1:" + server.udpPort(), "Ann", 4, 82, "Köln");
        GuiWait.waitFor("Ann on the server", () -> server.engine().clients().stream()
                .anyMatch(c -> c.info().name().equals("Ann")));
    }

    private static List<String> column(DialogFixture d, int column) {
        return Arrays.stream(d.table("serverList").contents()).map(r -> r[column]).toList();
    }

    @Test
    void expandsEachServerIntoItsMusicians() throws Exception {
        directoryWithServer();
        String dirAddress = "127.0.0.2:" + directory.udpPort();
        ConnectDialog dialog = GuiActionRunner.execute(() -> {
            browsing = new DirectoryBrowsing();
            ConnectDialog[] ref = new ConnectDialog[1];
            // only the test's directory is asked: no traffic to the public directories
            ref[0] = new ConnectDialog(null, List.of(dirAddress), List.of(), d -> {
                if (d.address().equals(dirAddress)) {
                    browsing.browse(d.address(), ref[0]);
                }
            });
            ref[0].setModalityType(Dialog.ModalityType.MODELESS);
            ref[0].setShowAllMusicians(false);
            return ref[0];
        });
        robot.showWindow(dialog, null, false);
        DialogFixture d = new DialogFixture(robot, dialog);
        d.checkBox("showAllMusicians").requireNotSelected();
        d.comboBox("directory").selectItem(java.util.regex.Pattern.compile(".*" + directory.udpPort() + ".*"));
        GuiWait.waitFor("server listed with its musician count", () -> Arrays.stream(d.table("serverList").contents())
                .anyMatch(r -> r[0].equals("Jam Room") && r[2].startsWith("1/")));
        assertThat(column(d, 0)).doesNotContain("Ann");

        d.checkBox("showAllMusicians").click();
        GuiWait.waitFor("Ann under Jam Room", () -> column(d, 0).contains("Ann"));
        String[][] rows = d.table("serverList").contents();
        int room = column(d, 0).indexOf("Jam Room");
        assertThat(rows[room + 1]).as("the musician's row follows its server")
                .containsExactly("Ann", "", "Acoustic Guitar", "Köln, Germany", "");
        // sorting by name the other way keeps Ann under her server
        d.table("serverList").tableHeader().clickColumn(0).clickColumn(0);
        List<String> names = column(d, 0);
        assertThat(names.indexOf("Ann")).isEqualTo(names.indexOf("Jam Room") + 1);

        // the filter finds a server by a musician's name, as Jamulus's does
        d.textBox("filter").enterText("ann");
        assertThat(column(d, 0)).containsExactly("Jam Room", "Ann");
        // a musician's row connects to its server
        d.table("serverList").cell(org.assertj.swing.data.TableCell.row(1).column(0)).click();
        assertThat(d.comboBox("address").target().getEditor().getItem().toString())
                .isEqualTo("127.0.0.1:" + server.udpPort());

        d.checkBox("showAllMusicians").click();
        assertThat(column(d, 0)).containsExactly("Jam Room");
        assertThat(GuiActionRunner.execute(dialog::showsAllMusicians)).isFalse();
        d.close();
    }
}
