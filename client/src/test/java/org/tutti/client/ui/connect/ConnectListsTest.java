package org.tutti.client.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectListsTest {
    @Test
    void aDirectoryIsAddedAsTypedAtTheEnd() throws Exception {
        assertThat(ConnectLists.addDirectory(List.of("a.example:22124"), "  jam.example.org:22224 "))
                .containsExactly("a.example:22124", "jam.example.org:22224");
        assertThat(ConnectLists.addDirectory(List.of(), "[::1]:22124")).containsExactly("[::1]:22124");
    }

    @Test
    void badBuiltInAndDuplicateDirectoriesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> ConnectLists.addDirectory(List.of(), "host:notaport"))
                .hasMessage("connect.directory.bad");
        assertThatThrownBy(() -> ConnectLists.addDirectory(List.of(), " "))
                .hasMessage("connect.directory.bad");
        assertThatThrownBy(() -> ConnectLists.addDirectory(List.of(), "anygenre1.jamulus.io:22124"))
                .hasMessage("connect.directory.builtIn");
        // the port defaults to 22124, and host names compare ignoring case
        assertThatThrownBy(() -> ConnectLists.addDirectory(List.of("Jam.Example.org"), "jam.example.org:22124"))
                .hasMessage("connect.directory.known");
    }

    @Test
    void withoutRemovesIgnoringCaseAndKeepsTheOrder() {
        assertThat(ConnectLists.without(List.of("a:1", "B:2", "c:3"), " b:2 ")).containsExactly("a:1", "c:3");
        assertThat(ConnectLists.without(List.of("a:1"), "z")).containsExactly("a:1");
    }
}
