package org.tutti.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tutti.backend.portaudio.PortAudioBackendProvider;
import org.tutti.backend.testing.DummyJackd;

/** --audiobackend / --audiodevice: a named backend must work or say why; otherwise JACK, PortAudio, Java Sound. */
class BackendChoiceTest {
    @Test
    void anUnknownBackendNamesTheInstalledOnes() {
        assertThatThrownBy(() -> BackendChoice.choose("asio4all", null))
                .isInstanceOf(AudioBackendException.class)
                .hasMessageContaining("unknown audio backend 'asio4all'")
                .hasMessageContaining("jack").hasMessageContaining("portaudio").hasMessageContaining("javasound");
        assertThat(BackendChoice.isInstalled("PortAudio")).isTrue();
    }

    @Test
    void aNamedBackendThatCannotWorkSaysWhy() throws Exception {
        DummyJackd.assumeInstalled();
        String server = "tutti-none-" + ProcessHandle.current().pid();
        assertThatThrownBy(() -> BackendChoice.choose("jack", server))
                .isInstanceOf(AudioBackendException.class)
                .hasMessageContaining("audio backend 'jack' is not available")
                .hasMessageContaining(server);
        assertThat(BackendChoice.choose("fake", null).name()).isEqualTo("fake");
    }

    @Test
    void prefersJackWhenAServerRunsAndListsEveryBackendForHelp() throws Exception {
        try (DummyJackd jackd = DummyJackd.start(128)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            assertThat(BackendChoice.choose(null, jackd.name()).name()).isEqualTo("jack");
            assertThat(BackendChoice.choose("portaudio", "system").name()).isEqualTo("portaudio");
            String help = BackendChoice.describe();
            assertThat(help).containsPattern("jack +available; devices \\(--audiodevice\\): " + jackd.name());
            assertThat(help).containsPattern("javasound +(available|not available: .+)");
            if (new PortAudioBackendProvider().isAvailable()) {
                assertThat(help).contains("JACK Audio Connection Kit: system");
            }
        }
    }
}
