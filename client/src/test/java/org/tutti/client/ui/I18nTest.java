package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.ui.mixer.MixerSort;

class I18nTest {
    @AfterEach
    void english() {
        I18n.use("en", true);
    }

    private static Properties bundle(Class<?> owner, String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchTranslatesEveryEnglishKey() throws IOException {
        Properties en = bundle(I18n.class, "Messages.properties");
        Properties fr = bundle(I18n.class, "Messages_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        Properties sen = bundle(org.tutti.server.ui.ServerText.class, "ServerMessages.properties");
        Properties sfr = bundle(org.tutti.server.ui.ServerText.class, "ServerMessages_fr.properties");
        assertThat(sfr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(sen.stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTheSourceExists() throws IOException {
        Properties en = bundle(I18n.class, "Messages.properties");
        for (int i = 0; i < Instruments.COUNT; i++) {
            assertThat(en).containsKey("instrument." + i);
        }
        for (MixerSort s : MixerSort.values()) {
            assertThat(en).containsKey("sort." + s.name().toLowerCase(Locale.ROOT));
        }
        for (ChannelMode c : ChannelMode.values()) {
            assertThat(en).containsKey("settings.channels." + c.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void frenchLocaleGivesFrenchAndNoTranslationForcesEnglish() {
        I18n.use("fr", false);
        assertThat(I18n.text("main.connect")).isEqualTo("Connexion");
        assertThat(I18n.tr("strip.mute.a11y", "Zoé")).isEqualTo("Couper Zoé");
        assertThat(org.tutti.server.ui.ServerText.tr("server.col.channels")).isEqualTo("Canaux");
        I18n.use("fr", true);
        assertThat(I18n.text("main.connect")).isEqualTo("Connect");
        assertThat(I18n.mnemonic("main.connect")).isEqualTo('C');
        assertThat(org.tutti.server.ui.ServerText.tr("server.col.channels")).isEqualTo("Channels");
    }

    @Test
    void apostrophesSurviveArguments() {
        I18n.use("fr", false);
        assertThat(I18n.tr("main.engineMissing", "h:1")).contains("n’a pas").contains("h:1");
    }
}
