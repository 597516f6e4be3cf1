package org.tutti.client.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.client.directory.ListedServer;
import org.tutti.protocol.OperatingSystem;

class ServerRowTest {
    private final ServerRow empty = new ServerRow("1.2.3.4:22124", "Jazz Cellar", 20, 0, 10, "Lyon", 74, "3.9.1");
    private final ServerRow busy = new ServerRow("5.6.7.8:22124", "Rock Garage", 35, 3, 8, "Berlin", 82, "");

    @Test
    void rowFromAMeasuredDirectoryEntry() {
        var listed = new ListedServer(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 22124), "Jam", "Lyon", 74, 10,
                false, false, 30, 25, 3, List.of(), "3.9.1", org.tutti.protocol.OperatingSystem.UNKNOWN);
        assertThat(ServerRow.of(listed)).isEqualTo(new ServerRow("127.0.0.1:22124", "Jam", 25, 3, 10, "Lyon", 74, "3.9.1"));
    }

    @Test
    void hashShowsOnlyOccupiedServers() {
        assertThat(empty.matches("#")).isFalse();
        assertThat(busy.matches("#")).isTrue();
    }

    @Test
    void filterIsCaseInsensitiveOnNameAndCity() {
        assertThat(empty.matches("jazz")).isTrue();
        assertThat(empty.matches("LYON")).isTrue();
        assertThat(busy.matches("jazz")).isFalse();
        assertThat(busy.matches("  ")).isTrue();
    }

    @Test
    void historyPutsLatestFirstWithoutDuplicatesAndKeepsTwelve() {
        List<String> h = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        List<String> next = ConnectDialog.remember(h, "C");
        assertThat(next).hasSize(12).startsWith("C", "a", "b", "d").doesNotContain("c");
        assertThat(ConnectDialog.remember(h, "new")).hasSize(12).startsWith("new", "a").doesNotContain("l");
    }
}
