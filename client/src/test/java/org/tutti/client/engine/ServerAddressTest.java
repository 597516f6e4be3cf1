package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void parsesTheFormsUsersType() {
        assertThat(ServerAddress.parse("127.0.0.1:22125")).isEqualTo(new ServerAddress("127.0.0.1", 22125));
        assertThat(ServerAddress.parse(" jam.example.org ")).isEqualTo(new ServerAddress("jam.example.org", 22124));
        assertThat(ServerAddress.parse("[::1]:5000")).isEqualTo(new ServerAddress("::1", 5000));
        assertThat(ServerAddress.parse("[2001:db8::7]")).isEqualTo(new ServerAddress("2001:db8::7", 22124));
        assertThat(ServerAddress.parse("2001:db8::7")).isEqualTo(new ServerAddress("2001:db8::7", 22124));
        assertThat(ServerAddress.parse("[::1]:5000").toString()).isEqualTo("[::1]:5000");
    }

    @Test
    void rejectsNonsenseClearly() {
        assertThatThrownBy(() -> ServerAddress.parse("")).hasMessageContaining("no server address");
        assertThatThrownBy(() -> ServerAddress.parse("host:abc")).hasMessageContaining("bad port");
        assertThatThrownBy(() -> ServerAddress.parse("host:70000")).hasMessageContaining("65535");
        assertThatThrownBy(() -> ServerAddress.parse("[::1")).hasMessageContaining("]");
        assertThatThrownBy(() -> ServerAddress.parse("[::1]x")).hasMessageContaining("after ']'");
    }

    @Test
    void resolvesLoopback() throws Exception {
        assertThat(ServerAddress.parse("localhost:1234").resolve().getAddress().isLoopbackAddress()).isTrue();
    }
}
