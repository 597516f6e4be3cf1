package org.tutti.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackends;
import org.tutti.client.cli.ClientCommandLine;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.settings.ClientSettings;

/** The desktop engine's options with and without the command line's client options. */
class EngineFactoryCommandLineTest {
    @AfterEach
    void forgetCommandLine() {
        EngineFactory.useCommandLine(null, null, ClientCommandLine.NONE);
        EngineFactory.profileNameAtStart(null);
    }

    @Test
    void clientNameStandsInForTheLoadedNameUntilTheMusicianEditsIt() {
        EngineFactory.useCommandLine(null, null, new ClientCommandLine(null, "Zed", false, false, false, -1, null));
        ClientSettings s = new ClientSettings();
        s.profile.name = "FromIni";
        EngineFactory.profileNameAtStart(s.profile.name);
        assertThat(EngineFactory.profile(s).name()).isEqualTo("Zed");
        s.profile.name = "Edited";
        assertThat(EngineFactory.profile(s).name()).isEqualTo("Edited");
    }

    @Test
    void optionsCarryTheCommandLineOverTheSettings() {
        ClientSettings s = new ClientSettings();
        s.profile.name = "FromIni";
        s.network.localPort = 22200;
        EngineFactory.profileNameAtStart(s.profile.name);
        var backend = AudioBackends.all().getFirst();
        ClientOptions plain = EngineFactory.options(s, backend, false);
        assertThat(plain.audioClientName()).isEqualTo("Tutti");
        assertThat(plain.autoConnect()).isTrue();
        assertThat(plain.muteMyself()).isFalse();
        assertThat(plain.muteMyOwn()).isFalse();
        assertThat(plain.localPort()).isEqualTo(22200);
        assertThat(plain.profile().name()).isEqualTo("FromIni");

        EngineFactory.useCommandLine(null, null, new ClientCommandLine(null, "Zed", true, true, true, 22300, null));
        ClientOptions given = EngineFactory.options(s, backend, false);
        assertThat(given.audioClientName()).isEqualTo("Zed");
        assertThat(given.autoConnect()).isFalse();
        assertThat(given.muteMyself()).isTrue();
        assertThat(given.muteMyOwn()).isTrue();
        assertThat(given.localPort()).isEqualTo(22300);
        assertThat(given.profile().name()).isEqualTo("Zed");
    }
}
